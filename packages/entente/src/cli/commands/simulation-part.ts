/**
 * Part files of a sharded simulation (`entente simulate --shard i/N --out …`): one shard range
 * of a plan, enough for `entente merge` to merge and to report.
 * @module
 */
import { readFile } from "node:fs/promises";
import {
  type Scenario,
  type SimulationPlan,
  type SimulationSummary,
  scenarioHash,
} from "@entente/core";
import { InputError } from "../../io/diagnostic.ts";

/** The `format` tag of a part file. */
export const PART_FORMAT = "entente-simulation-part/1";

/** A part file: one shard range of a plan, enough to merge and to report. */
export interface PartFile {
  format: typeof PART_FORMAT;
  plan: Omit<SimulationPlan, "scenario"> & { scenarioId: string; scenarioHash: number };
  scenario: Scenario;
  summary: SimulationSummary;
}

/** The part file of `summary`, the shards of `plan` run here; the scenario is kept whole. */
export function simulationPart(plan: SimulationPlan, summary: SimulationSummary): PartFile {
  const { scenario, ...rest } = plan;
  return {
    format: PART_FORMAT,
    plan: { ...rest, scenarioId: scenario.id, scenarioHash: scenarioHash(scenario) },
    scenario,
    summary,
  };
}

/**
 * Read a part file; throws {@link InputError} for a missing file, invalid JSON or another format.
 * Its contents are trusted beyond the format tag: `mergeSummaries` checks the shards.
 */
export async function readSimulationPart(file: string): Promise<PartFile> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new InputError([{ file, line: 1, col: 1, path: "(file)", message: "no such file" }]);
  }
  let part: PartFile;
  try {
    part = JSON.parse(text) as PartFile;
  } catch (e) {
    throw new InputError([
      { file, line: 1, col: 1, path: "(syntax)", message: `invalid JSON: ${(e as Error).message}` },
    ]);
  }
  if (part?.format !== PART_FORMAT) {
    throw new InputError([
      {
        file,
        line: 1,
        col: 1,
        path: "format",
        message: `not an Entente part file; expected format "${PART_FORMAT}"`,
      },
    ]);
  }
  return part;
}
