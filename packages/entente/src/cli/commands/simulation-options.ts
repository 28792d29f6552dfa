import { defaultSimulationModels, getModel } from "@entente/core";
import { CliError, EXIT } from "../io.ts";

/** The models simulated when `--models` is not given, for help texts (see `modelIds`). */
export const DEFAULT_MODELS: readonly string[] = defaultSimulationModels();

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

/**
 * `--models a,b` as registered model ids (default: the registry's `simulateByDefault` models);
 * exit 2 for an unknown one.
 */
export function modelIds(list: string | undefined): string[] {
  const ids = list?.split(",") ?? defaultSimulationModels();
  return ids.map((id) => {
    try {
      return getModel(id.trim()).id;
    } catch (e) {
      throw new CliError((e as Error).message, EXIT.invalidInput);
    }
  });
}
