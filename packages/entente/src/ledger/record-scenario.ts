import type { Calibration, LedgerRecord, Scenario, SimulationPlan } from "@entente/core";
import { calibrationLine } from "../format/forecast.ts";
import { runSimulation } from "../pool/run-simulation.ts";
import type { Store } from "../store/store.ts";
import { contentHash } from "./ledger-hash.ts";
import { prepareEntries } from "./prepare-entries.ts";
import { checkRecordable, simulationForecasts } from "./simulation-forecasts.ts";

/** What {@link recordScenario} simulates and records. */
export interface RecordScenarioOptions {
  scenario: Scenario;
  /** The stored revision the scenario came from, if any. */
  revision?: number;
  samples: number;
  seed: number;
  models: string[];
  calibration: Calibration | null;
  agreement?: boolean;
  /** The day the forecasts speak for (YYYY-MM-DD). */
  date: string;
  /** Only these question or issue ids. */
  only?: readonly string[];
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Simulate a scenario and append its forecasts ({@link simulationForecasts}) to the store's
 * ledger in one transaction, checked against the ledger as it stands under the append's lock.
 * Bad `only` ids are refused before simulating. Returns the records written.
 */
export async function recordScenario(
  store: Store,
  options: RecordScenarioOptions,
): Promise<LedgerRecord[]> {
  const { scenario } = options;
  const plan: SimulationPlan = {
    scenario,
    samples: options.samples,
    seed: options.seed,
    models: options.models,
    calibration: options.calibration,
    agreement: options.agreement ?? true,
  };
  checkRecordable(scenario, options.only);
  const summary = await runSimulation(plan, {
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const source = {
    id: scenario.id,
    ...(options.revision === undefined ? {} : { revision: options.revision }),
    hash: contentHash(scenario),
  };
  const created = new Date().toISOString();
  return store.appendLedger((ledger) =>
    prepareEntries(
      ledger,
      simulationForecasts({
        scenario,
        source,
        summary,
        seed: options.seed,
        calibration: calibrationLine(options.calibration) ?? "none",
        date: options.date,
        created,
        ...(options.only ? { only: options.only } : {}),
        ledger,
      }),
    ),
  );
}
