import { compromise } from "./compromise.ts";
import { eum } from "./eum/eum.ts";
import { exchange } from "./exchange/exchange.ts";
import { kalaiSmorodinsky } from "./kalai-smorodinsky.ts";
import type { Model } from "./model.ts";
import { nash } from "./nash.ts";
import { pceModel } from "./pce/pce-model.ts";
import { smpModel } from "./smp/smp-model.ts";
import { weightedMedianModel } from "./weighted-median.ts";

const registered: Model[] = [
  compromise,
  weightedMedianModel,
  nash,
  kalaiSmorodinsky,
  eum,
  smpModel,
  pceModel,
  exchange,
];

/**
 * Every registered model, in the order forecasts show them. This is the only list of models:
 * the CLI, the API, the contract test, colours, marks and default model sets all derive from
 * it. Add a model here (one line), or at run time with {@link registerModel}.
 */
export const models: readonly Model[] = registered;

/** What a model id looks like: lower-case words of letters and digits joined by hyphens. */
export const MODEL_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** The models a simulation runs when none are named: those with `simulateByDefault`. */
export function defaultSimulationModels(): string[] {
  return models.filter((m) => m.simulateByDefault === true).map((m) => m.id);
}

/**
 * Register a model after the built-in ones (a plug-in, or a test's throwaway model). Throws
 * a RangeError for an id that is taken or not lower-case letters, digits and hyphens.
 */
export function registerModel(model: Model): void {
  if (!MODEL_ID.test(model.id)) {
    throw new RangeError(
      `model id "${model.id}" must be lower-case words of letters and digits joined by hyphens, starting with a letter`,
    );
  }
  if (registered.some((m) => m.id === model.id)) {
    throw new RangeError(`model id "${model.id}" is already registered`);
  }
  registered.push(model);
}

/** Look a model up by id; throws with the list of known ids. */
export function getModel(id: string): Model {
  const model = models.find((m) => m.id === id);
  if (!model) {
    throw new RangeError(
      `unknown model "${id}"; known models: ${models.map((m) => m.id).join(", ")}`,
    );
  }
  return model;
}
