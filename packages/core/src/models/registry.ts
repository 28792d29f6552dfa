import { compromise } from "./compromise.ts";
import { eum } from "./eum/eum.ts";
import { exchange } from "./exchange/exchange.ts";
import { kalaiSmorodinsky } from "./kalai-smorodinsky.ts";
import type { Model } from "./model.ts";
import { nash } from "./nash.ts";
import { pceModel } from "./pce/pce-model.ts";
import { smpModel } from "./smp/smp-model.ts";
import { weightedMedianModel } from "./weighted-median.ts";

/** Every registered model, in the order forecasts show them. Add a model here. */
export const models: readonly Model[] = [
  compromise,
  weightedMedianModel,
  nash,
  kalaiSmorodinsky,
  eum,
  smpModel,
  pceModel,
  exchange,
];

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
