// Provenance of the shipped scenarios: every number cites a declared source.
import { readdirSync } from "node:fs";
import {
  compileSimulation,
  DEU3_CALIBRATION,
  type Estimate,
  estimateSources,
  mergeSummaries,
  runShard,
  type Scenario,
  simulationReport,
} from "@entente/core";
import { describe, expect, it } from "vitest";
import { readScenario } from "../packages/entente/src/io/read-scenario.ts";

const dir = new URL("../scenarios/", import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith(".yaml"));

function numbers(s: Scenario): Array<[string, Estimate]> {
  const out: Array<[string, Estimate]> = [];
  for (const a of s.actors) out.push([`actor ${a.id} capability`, a.capability]);
  for (const i of s.issues) {
    if (i.statusQuo !== undefined) out.push([`issue ${i.id} statusQuo`, i.statusQuo]);
    if (i.outcome !== undefined) out.push([`issue ${i.id} outcome`, i.outcome]);
  }
  for (const t of s.stances) {
    out.push([`${t.actor}/${t.issue} position`, t.position]);
    out.push([`${t.actor}/${t.issue} salience`, t.salience]);
  }
  for (const p of s.phases ?? []) {
    if (p.agreement) out.push([`phase ${p.id} agreement prior`, p.agreement.probability]);
  }
  for (const q of s.questions ?? []) {
    for (const e of q.estimates ?? []) {
      out.push([`question ${q.id} estimate`, [{ value: e.probability, source: e.source }]]);
    }
  }
  return out;
}

describe.each(files)("scenarios/%s", (file) => {
  it("cites a source for every number", async () => {
    const { scenario } = await readScenario(`${dir}${file}`);
    const uncited = numbers(scenario)
      .filter(([, e]) => estimateSources(e).length === 0)
      .map(([what]) => what);
    expect(uncited).toEqual([]);
  });
});

describe("scenarios/budapest-2025.yaml", async () => {
  const { scenario } = await readScenario(`${dir}budapest-2025.yaml`);
  const seeds = new Set(
    scenario.sources.filter((s) => /^\d{3}_[0-9a-f]{16}\.txt$/.test(s.locator)).map((s) => s.id),
  );

  it("declares the five seed articles as sources", () => {
    expect(seeds.size).toBe(5);
  });

  it("cites at least one seed for every position and salience, with a rationale", () => {
    for (const t of scenario.stances) {
      for (const e of [t.position, t.salience]) {
        expect(estimateSources(e).some((id) => seeds.has(id))).toBe(true);
        const notes = Array.isArray(e) ? e.map((x) => x.note) : [(e as { note?: string }).note];
        for (const note of notes) expect(note?.length ?? 0).toBeGreaterThan(10);
      }
    }
  });

  it("has the actors and issues the brief names", () => {
    const actors = scenario.actors.map((a) => a.id);
    for (const id of ["usa", "russia", "ukraine", "eu", "uk", "hungary", "china", "congress"]) {
      expect(actors).toContain(id);
    }
    expect(scenario.issues.length).toBeGreaterThanOrEqual(7);
  });

  it("records disagreeing seeds as lists of estimates", () => {
    const disputed = scenario.stances.flatMap((t) =>
      [t.position, t.salience].filter(
        (e) => Array.isArray(e) && new Set(estimateSources(e)).size > 1,
      ),
    );
    expect(disputed.length).toBeGreaterThanOrEqual(4);
  });
});

describe("scenarios/budapest-2025.yaml, simulated", async () => {
  const { scenario } = await readScenario(`${dir}budapest-2025.yaml`);
  const sim = compileSimulation({
    scenario,
    samples: 500,
    seed: 42,
    models: ["compromise", "weighted-median"],
    calibration: DEU3_CALIBRATION,
  });
  const report = simulationReport(mergeSummaries([0, 1].map((i) => runShard(sim, i))));

  it("reports P(agreement) for every phase and no probability of exactly 0 % or 100 %", () => {
    expect(report.phases.map((p) => p.phase)).toEqual((scenario.phases ?? []).map((p) => p.id));
    const exact: string[] = [];
    const check = (what: string, p: number) => {
      if (!(p > 0 && p < 1)) exact.push(`${what} = ${p}`);
    };
    // Every probability anywhere in the report (phases, questions, bands, thresholds) — except
    // P(≥ the scale's minimum), which is 1 by logic.
    const scaleMin = new Map(scenario.issues.map((i) => [i.id, i.scale.min ?? 0]));
    const walk = (value: unknown, path: string, issue: string | undefined): void => {
      if (Array.isArray(value)) {
        for (const [i, v] of value.entries()) walk(v, `${path}.${i}`, issue);
      } else if (value !== null && typeof value === "object") {
        const o = value as Record<string, unknown>;
        const here = typeof o.issue === "string" ? o.issue : issue;
        const forced =
          typeof o.threshold === "number" && o.threshold <= (scaleMin.get(here ?? "") ?? 0);
        for (const [key, v] of Object.entries(o)) {
          if (key === "probability" && typeof v === "number") {
            if (!forced) check(`${path} (${here ?? "-"})`, v);
          } else walk(v, `${path}.${key}`, here);
        }
      }
    };
    walk(report, "report", undefined);
    for (const issue of report.issues) {
      for (const m of issue.models) {
        const o = m.outcome;
        check(`${issue.issue} / ${m.model} status quo holds`, o.statusQuoHolds);
        for (const level of ["50", "80", "95"] as const) {
          const [lo, hi] = o.intervals[level];
          if (!(hi > lo)) exact.push(`${issue.issue} / ${m.model} ${level} % interval ${lo}–${hi}`);
        }
      }
    }
    expect(exact).toEqual([]);
  });

  it("asks the questions the seeds raise, seed 003's three scenarios with its figures", () => {
    const stated = (scenario.questions ?? []).flatMap((q) =>
      (q.estimates ?? []).filter((e) => e.source === "seed-003").map((e) => e.probability),
    );
    expect(stated.sort()).toEqual([0.4, 0.6, 0.8]);
    expect(scenario.questions?.length ?? 0).toBeGreaterThanOrEqual(9);
    expect(report.questions).toHaveLength(scenario.questions?.length ?? 0);
  });
});
