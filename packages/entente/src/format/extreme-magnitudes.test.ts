// Every number of the format at extreme magnitudes (1e±300, subnormals, -0, the largest double):
// either a located validation error, or every model's forecast and every simulated mean is a
// finite number or comes with a stated reason — never a silent "—" or null.
import { readFileSync } from "node:fs";
import {
  compileSimulation,
  models,
  prepareScenario,
  runShard,
  simulationReport,
} from "@entente/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { formatDiagnostic } from "../io/diagnostic.ts";
import { parseScenario } from "../io/read-scenario.ts";
import { forecastDocument } from "./forecast.ts";

const root = new URL("../../../../", import.meta.url);
const base = parse(
  readFileSync(new URL("test/fixtures/report/harbour-talks.yaml", root), "utf8"),
) as unknown;

const EXTREMES = [
  1e300,
  -1e300,
  1e-300,
  -1e-300,
  5e-324,
  -5e-324,
  -0,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE * 2 ** 20,
];

/** Paths of every number in the document. */
function numberPaths(v: unknown, path: (string | number)[] = [], out: (string | number)[][] = []) {
  if (typeof v === "number") out.push(path);
  else if (Array.isArray(v)) for (const [i, x] of v.entries()) numberPaths(x, [...path, i], out);
  else if (v && typeof v === "object")
    for (const [k, x] of Object.entries(v)) numberPaths(x, [...path, k], out);
  return out;
}

function setAt(doc: unknown, path: (string | number)[], value: number): void {
  let node = doc as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
}

const paths = numberPaths(base);

describe("extreme magnitudes on every number of the format", () => {
  it("the fixture has numbers everywhere the format allows them", () => {
    const kinds = new Set(paths.map((p) => p.filter((k) => typeof k === "string").join(".")));
    for (const k of [
      "actors.capability.value",
      "issues.scale.max",
      "issues.scale.marks.at",
      "issues.statusQuo.value",
      "stances.position.value",
      "stances.salience.value",
      "phases.agreement.probability.low",
      "questions.when.atLeast",
    ]) {
      expect(kinds).toContain(k);
    }
  });

  it("give a located error, or finite forecasts and means (or a stated reason)", () => {
    const numbers = models.map((m) => m.id);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ at: fc.nat({ max: paths.length - 1 }), x: fc.constantFrom(...EXTREMES) }),
          { minLength: 1, maxLength: 3 },
        ),
        (edits) => {
          const doc = structuredClone(base);
          for (const e of edits) setAt(doc, paths[e.at] as (string | number)[], e.x);
          const result = parseScenario(new TextEncoder().encode(stringify(doc)), "x.yaml");
          if ("diagnostics" in result) {
            for (const d of result.diagnostics)
              expect(formatDiagnostic(d)).toMatch(/^x\.yaml:\d+:\d+ /);
            return;
          }
          const { scenario } = result;
          const data = prepareScenario(scenario);
          const forecast = forecastDocument(scenario, data, {
            phases: true,
            calibration: null,
            agreement: true,
          });
          for (const row of forecast.issues) {
            for (const m of forecast.models) {
              if (m.unavailable !== undefined) continue;
              const x = row.forecasts[m.id];
              // A stated reason, and not the safety net's "a defect".
              if (x === undefined)
                expect(row.unavailable?.[m.id]).toMatch(/^nobody is at the table/);
              else expect(Number.isFinite(x)).toBe(true);
            }
          }
          const sim = compileSimulation({ scenario, samples: 16, seed: 1, models: numbers });
          const report = simulationReport(runShard(sim, 0));
          for (const issue of report.issues) {
            for (const m of issue.models) {
              if (m.n > 0) expect(Number.isFinite(m.mean)).toBe(true);
            }
          }
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 150) },
    );
  });
});
