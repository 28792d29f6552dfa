import { getModel, models as registered } from "@entente/core";
import { CliError, EXIT } from "../io.ts";

/** Models simulated when `--models` is not given. */
export const DEFAULT_MODELS = ["compromise", "weighted-median", "eum"];

/** An option parser for a whole number ≥ `min`; the message names the option and the value. */
export const wholeAtLeast = (name: string, min: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) {
    throw new CliError(
      `${name}: expected a whole number ≥ ${min}, got "${value}"`,
      EXIT.invalidInput,
    );
  }
  return n;
};

/** `--models a,b` as registered model ids (default {@link DEFAULT_MODELS}); exit 2 for an unknown one. */
export function modelIds(list: string | undefined): string[] {
  const ids =
    list?.split(",") ?? DEFAULT_MODELS.filter((id) => registered.some((m) => m.id === id));
  return ids.map((id) => {
    try {
      return getModel(id.trim()).id;
    } catch (e) {
      throw new CliError((e as Error).message, EXIT.invalidInput);
    }
  });
}
