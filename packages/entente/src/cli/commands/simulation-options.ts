import { defaultSimulationModels, getModel, type Model, models } from "@entente/core";
import { CliError, EXIT } from "../io.ts";

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

/** `--models a,b` as the registered models, or every model when it is not given; exit 2 for an unknown one. */
export function modelsOrAll(list: string | undefined): readonly Model[] {
  return list === undefined ? models : modelIds(list).map(getModel);
}
