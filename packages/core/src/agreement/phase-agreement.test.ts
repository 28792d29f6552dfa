import { describe, expect, it } from "vitest";
import { scenarioDealSpace } from "../deals/scenario-deal-space.ts";
import { winSet } from "../deals/win-set.ts";
import type { PhaseData } from "../phases.ts";
import { randomStream } from "../random/stream.ts";
import type { IssueData, ScenarioData } from "../scenario/prepare.ts";
import {
  agreementProbability,
  marginWorkspace,
  phaseAgreements,
  settlementMargin,
} from "./phase-agreement.ts";

/**
 * A random small phase: 3–5 actors, 1–3 issues on 0–10 with integer positions and status quo,
 * random saliences (a third of stances missing unless `everyoneCares`), 1–3 actors at the table,
 * random ratifiers per issue.
 */
function randomPhase(seed: number, everyoneCares = false) {
  const rng = randomStream(seed, 0xa9e);
  const int = (n: number) => Math.floor(rng.next() * n);
  const nActors = 3 + int(3);
  const nIssues = 1 + int(3);
  const issues: IssueData[] = Array.from({ length: nIssues }, (_, k) => {
    const actors: number[] = [];
    for (let i = 0; i < nActors; i++) if (everyoneCares || rng.next() < 0.67) actors.push(i);
    return {
      id: `i${k}`,
      title: `i${k}`,
      min: 0,
      max: 10,
      unit: undefined,
      minLabel: "0",
      maxLabel: "10",
      statusQuo: int(11),
      outcome: undefined,
      ratifiers: Int32Array.from(
        Array.from({ length: nActors }, (_, i) => i).filter(() => rng.next() < 0.25),
      ),
      actors: Int32Array.from(actors),
      positions: Float64Array.from(actors, () => int(11)),
      saliences: Float64Array.from(actors, () => 10 + int(90)),
      capabilities: Float64Array.from(actors, () => 1),
    };
  });
  const table = new Uint8Array(nActors);
  table[int(nActors)] = 1;
  for (let i = 0; i < nActors; i++) if (rng.next() < 0.3) table[i] = 1;
  const data: ScenarioData = {
    id: "r",
    title: "r",
    actors: Array.from({ length: nActors }, (_, i) => ({ id: `a${i}`, name: `a${i}` })),
    issues,
  };
  const phase: PhaseData = { id: "p", actors: table, issues: issues.map((_, k) => k) };
  return { data, phase };
}

/** Each actor's weights: its saliences over the phase's issues, as shares, per unit of scale. */
function slopes(data: ScenarioData): number[][] {
  return data.actors.map((_, i) => {
    const s = data.issues.map((issue) => {
      const a = issue.actors.indexOf(i);
      return a < 0 ? 0 : (issue.saliences[a] as number);
    });
    const total = s.reduce((x, y) => x + y, 0);
    return s.map((x, k) => {
      const issue = data.issues[k] as IssueData;
      return (total > 0 ? x / total : 0) / (issue.max - issue.min);
    });
  });
}

/**
 * Brute force on a grid of step h: the packages (≠ status quo) every actor whose consent they
 * need strictly prefers — the table and the ratifiers of each issue the package changes, among
 * those who care about some changed issue. Returns the best min gain over such packages'
 * required actors and whether any package is accepted.
 */
function enumerate(data: ScenarioData, phase: PhaseData, h: number) {
  const w = slopes(data);
  const K = data.issues.length;
  const grid = Array.from({ length: Math.round(10 / h) + 1 }, (_, j) => j * h);
  const x = new Array<number>(K).fill(0);
  let accepted = false;
  const visit = (k: number) => {
    if (k < K) {
      for (const v of grid) {
        x[k] = v;
        visit(k + 1);
      }
      return;
    }
    const touched = data.issues.map((issue, j) => x[j] !== issue.statusQuo);
    if (!touched.includes(true)) return;
    let required = 0;
    let all = true;
    for (let i = 0; i < data.actors.length; i++) {
      const asked =
        phase.actors[i] === 1 ||
        data.issues.some((issue, j) => touched[j] && Array.from(issue.ratifiers).includes(i));
      const cares = data.issues.some((_, j) => (w[i]?.[j] as number) > 0);
      if (!asked || !cares) continue;
      required++;
      let gain = 0;
      for (const [j, issue] of data.issues.entries()) {
        const a = issue.actors.indexOf(i);
        if (a < 0) continue;
        const p = issue.positions[a] as number;
        gain +=
          (w[i]?.[j] as number) *
          (Math.abs((issue.statusQuo as number) - p) - Math.abs((x[j] as number) - p));
      }
      if (!(gain > 1e-12)) all = false;
    }
    if (required > 0 && all) accepted = true;
  };
  visit(0);
  // ℓ∞-Lipschitz constant of every gain: a package's gains move by at most this × h/2 when it
  // is rounded to the grid.
  const lipschitz = Math.max(...w.map((row) => row.reduce((a, b) => a + b, 0)));
  return { accepted, lipschitz };
}

/** The settlement margin of the phase against the issues' status quo. */
function marginOf(data: ScenarioData, phase: PhaseData): number {
  const [agreement] = phaseAgreements(data, [phase]);
  if (!agreement) throw new Error("no phase");
  const ws = marginWorkspace(data.actors.length, data.issues.length, agreement.options.length);
  const statusQuo = data.issues.map((i) => i.statusQuo as number);
  return settlementMargin(agreement, data, phase.issues, statusQuo, ws).margin;
}

describe("settlementMargin", () => {
  it("agrees with brute-force enumeration of packages on 1,200 random phases", () => {
    const h = 0.5;
    let positive = 0;
    let compared = 0;
    for (let seed = 0; seed < 1200; seed++) {
      const { data, phase } = randomPhase(seed);
      const margin = marginOf(data, phase);
      const brute = enumerate(data, phase, h);
      // A grid package everyone needed accepts lies in the continuous win-set.
      if (brute.accepted) expect(margin).toBeGreaterThan(0);
      // A margin above the rounding error leaves a grid package inside the win-set.
      if (margin > (brute.lipschitz * h) / 2 + 1e-9) expect(brute.accepted).toBe(true);
      if (margin === 0) expect(brute.accepted).toBe(false);
      if (margin > 0) positive++;
      compared++;
    }
    expect(compared).toBe(1200);
    // Both outcomes are well represented.
    expect(positive).toBeGreaterThan(200);
    expect(positive).toBeLessThan(1000);
  });

  it("agrees with the deal space's win-set when every party cares about every issue", () => {
    for (let seed = 0; seed < 300; seed++) {
      const { data, phase } = randomPhase(10_000 + seed, true);
      const margin = marginOf(data, phase);
      const space = scenarioDealSpace(data, { grid: 21 }); // step 0.5 on 0–10
      const table = Array.from(phase.actors.entries()).flatMap(([i, at]) => (at ? [i] : []));
      const size = winSet(space.space, space.utilities, space.ratifiers, {
        alsoRequired: table,
      }).size;
      if (size > 0) expect(margin).toBeGreaterThan(0);
      if (margin === 0) expect(size).toBe(0);
    }
  });

  it("turns margins into probabilities that are never 0 or 1", () => {
    expect(agreementProbability(0, 0.05)).toBeCloseTo(1 / (1 + Math.E), 15);
    expect(agreementProbability(0.05, 0.05)).toBeCloseTo(0.5, 15);
    expect(agreementProbability(0.05, 0.05, 0.3)).toBeCloseTo(0.3, 15);
    const high = agreementProbability(1, 0.05);
    expect(high).toBeLessThan(1);
    expect(high).toBeGreaterThan(0.999);
  });
});
