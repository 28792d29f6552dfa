/**
 * Messages between the page and `forecast.worker.ts`. The page loads a draft once, then sends
 * drags; the worker answers each with the fast models' forecasts for that state.
 * @module
 */
import type { ForecastTable, OutcomeForecasts } from "@entente/core";

/** One actor moved to a position on one issue. */
export interface Move {
  issue: string;
  actor: string;
  position: number;
}

/** What the page asks the worker: load a draft, drag an actor, or settle after a drag. */
export type WorkerRequest =
  /** A new draft: validate, prepare, and forecast it with every model. */
  | { type: "load"; seq: number; scenario: unknown }
  /** Move one actor on one issue and forecast with the fast models only. */
  | ({ type: "drag"; seq: number } & Move)
  /** Forecast the current (dragged) state with every model, e.g. when a drag ends. */
  | { type: "settle"; seq: number };

/** What the worker answers: a forecast table, a draft that does not validate, or a failure. */
export type WorkerResponse =
  | {
      type: "forecast";
      seq: number;
      /** true when only the fast models ran (a drag); the others keep their last values. */
      fastOnly: boolean;
      table: ForecastTable;
      /**
       * Calibrated outcome distributions and each phase's chance of agreement, for a new draft
       * (not recomputed during a drag).
       */
      outcomes?: OutcomeForecasts;
      /** The dragged actor's position, echoed so the dot and the forecasts are drawn together. */
      moved?: Move;
      /** Time the models took inside the worker. */
      computeMs: number;
    }
  | { type: "invalid"; seq: number; errors: number }
  | { type: "error"; seq: number; message: string };
