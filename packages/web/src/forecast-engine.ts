/**
 * The forecasting state behind the worker: a draft is validated and prepared once per load; a
 * drag then only overwrites one position in the prepared arrays and reruns the models marked
 * `fast`, well under a millisecond on a scenario the size of Budapest.
 * @module
 */
import {
  DEU3_CALIBRATION,
  forecastOutcomes,
  forecastScenario,
  type Model,
  models,
  type OutcomeForecasts,
  type PhaseData,
  type PhaseStep,
  phaseData,
  prepareScenario,
  type ScenarioData,
  validateScenario,
} from "@entente/core";
import type { Move, WorkerRequest, WorkerResponse } from "./forecast-protocol.ts";

/** The models cheap enough for a drag loop (`fast: true` in the core registry). */
export const fastModels: readonly Model[] = models.filter((m) => m.fast === true);

/** Answers {@link WorkerRequest}s; the worker and the no-worker fallback both use it. */
export class ForecastEngine {
  #data: ScenarioData | undefined;
  #phases: PhaseData[] = [];

  handle(request: WorkerRequest): WorkerResponse | undefined {
    try {
      if (request.type === "load") {
        const result = validateScenario(request.scenario);
        if (!result.ok) {
          this.#data = undefined;
          return { type: "invalid", seq: request.seq, errors: result.issues.length };
        }
        this.#data = prepareScenario(result.scenario);
        this.#phases = phaseData(result.scenario.phases, this.#data);
        const steps = new Map<string, PhaseStep[]>();
        const response = this.#forecast(request.seq, models, undefined, steps);
        if (response?.type !== "forecast") return response;
        return { ...response, outcomes: outcomesOf(result.scenario, response.table, steps) };
      }
      if (request.type === "drag") {
        const moved = this.#move(request);
        return moved && this.#forecast(request.seq, fastModels, moved);
      }
      return this.#forecast(request.seq, models);
    } catch (e) {
      return { type: "error", seq: request.seq, message: (e as Error).message };
    }
  }

  #move({ issue, actor, position }: Move): Move | undefined {
    const data = this.#data;
    if (!data) return undefined;
    const target = data.issues.find((i) => i.id === issue);
    const j = target ? target.actors.indexOf(data.actors.findIndex((x) => x.id === actor)) : -1;
    if (!target || j < 0) return undefined;
    const x = Math.min(target.max, Math.max(target.min, position));
    target.positions[j] = x;
    return { issue, actor, position: x };
  }

  #forecast(
    seq: number,
    set: readonly Model[],
    moved?: Move,
    steps?: Map<string, PhaseStep[]>,
  ): WorkerResponse | undefined {
    if (!this.#data) return undefined;
    const t0 = performance.now();
    const table = forecastScenario(this.#data, set, {}, this.#phases, (id, s) => steps?.set(id, s));
    return {
      type: "forecast",
      seq,
      fastOnly: set !== models,
      table,
      ...(moved ? { moved } : {}),
      computeMs: performance.now() - t0,
    };
  }
}

/**
 * Each issue's calibrated outcome distribution and each phase's chance of agreement, with the
 * shipped DEU III calibration, for the models that ran ({@link forecastOutcomes}).
 */
function outcomesOf(
  scenario: Parameters<typeof forecastOutcomes>[0]["scenario"],
  table: { models: Array<{ id: string; unavailable?: string }> },
  steps: ReadonlyMap<string, PhaseStep[]>,
): OutcomeForecasts {
  return forecastOutcomes(
    {
      scenario,
      models: table.models.filter((m) => m.unavailable === undefined).map((m) => m.id),
      calibration: DEU3_CALIBRATION,
      agreement: true,
    },
    steps,
  );
}
