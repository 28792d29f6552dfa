import { describe, expect, it } from "vitest";
import reference from "../../../../../test/fixtures/reference/eum-jm-example-10.json" with {
  type: "json",
};
import { oneIssueScenario } from "../../../../../test/support/one-issue.ts";
import type { ScenarioData } from "../../scenario/prepare.ts";
import type { RunOptions } from "../model.ts";
import { eum } from "./eum.ts";

const TOL = 1e-9;
const ids = reference.actors.map((a) => a.id);

function emission(): ScenarioData {
  const { actors, scale } = reference;
  return oneIssueScenario(actors, { min: scale.min, max: scale.max, ids: actors.map((a) => a.id) });
}

interface Details {
  stopReason: string;
  roundsRun: number;
  medians: number[];
  means: number[];
  riskExponents: Record<string, number>[];
  ranges: number[];
}

function run(options?: RunOptions) {
  const issue = eum.run(emission(), options).issues[0];
  if (!issue?.rounds) throw new Error("no rounds");
  return { ...issue, rounds: issue.rounds, details: issue.details as unknown as Details };
}

/** Largest |a − b| over two equally long lists (Infinity when the lengths differ). */
function maxDiff(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  return a.reduce((m, v, k) => Math.max(m, Math.abs(v - (b[k] as number))), 0);
}

const inOrder = (r: Record<string, number>) => ids.map((id) => r[id] as number);

describe("eum, preset scholz-code (default), on the emission example", () => {
  const result = run();

  it("is a dynamic model with scholz-code as its first preset", () => {
    expect(eum.dynamic).toBe(true);
    expect(Object.keys(eum.presets ?? {})).toEqual(["scholz-code", "paper"]);
    expect(run({ preset: "scholz-code" })).toEqual(result);
  });

  it("reports round 0 as the inputs", () => {
    const round0 = result.rounds[0];
    expect(round0?.round).toBe(0);
    expect(inOrder(round0?.positions ?? {})).toEqual(reference.actors.map((a) => a.position));
    expect(Math.abs((result.details.medians[0] as number) - reference.initial.median)).toBe(0);
    expect(
      Math.abs((result.details.means[0] as number) - reference.initial.mean),
    ).toBeLessThanOrEqual(TOL);
  });

  it.each([
    ["canonical order (default)", result],
    ["listed order", run({ params: { order: "listed" } })],
  ])(
    "reproduces jmckib's positions, risk exponents, medians and means of 10 rounds to 1e-9, %s",
    (_, result) => {
      expect(result.rounds.map((r) => r.round)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(result.details.roundsRun).toBe(10);
      for (const expected of reference.rounds) {
        const t = expected.round;
        const got = inOrder(result.rounds[t]?.positions ?? {});
        expect(maxDiff(got, expected.positions), `positions, round ${t}`).toBeLessThanOrEqual(TOL);
        const r = inOrder(result.details.riskExponents[t - 1] ?? {});
        expect(maxDiff(r, expected.riskExponents), `r, round ${t}`).toBeLessThanOrEqual(TOL);
        const median = result.details.medians[t] as number;
        expect(Math.abs(median - expected.median), `median, round ${t}`).toBeLessThanOrEqual(TOL);
        const mean = result.details.means[t] as number;
        expect(Math.abs(mean - expected.mean), `mean, round ${t}`).toBeLessThanOrEqual(TOL);
      }
    },
  );

  it("makes exactly the reference moves in every round", () => {
    for (const expected of reference.rounds) {
      const t = expected.round;
      const before = result.rounds[t - 1]?.positions ?? {};
      const after = result.rounds[t]?.positions ?? {};
      const moved = ids.filter((id) => after[id] !== before[id]);
      expect(moved, `round ${t}`).toEqual(expected.moves.map((m) => m.actor));
      for (const m of expected.moves) {
        expect(Math.abs((after[m.actor] as number) - m.newPosition)).toBeLessThanOrEqual(TOL);
      }
    }
  });

  it("names, for every move, whose offer caused it, and the move matches the offer's kind", () => {
    const { rounds, details } = run();
    const moves = (details as unknown as { moves: Array<Record<string, unknown>> }).moves;
    let expected = 0;
    for (let t = 1; t < rounds.length; t++) {
      const before = rounds[t - 1]?.positions ?? {};
      const after = rounds[t]?.positions ?? {};
      expected += ids.filter((id) => before[id] !== after[id]).length;
    }
    expect(moves.length).toBe(expected);
    expect(moves.length).toBeGreaterThan(0);
    for (const m of moves) {
      const before = rounds[(m.round as number) - 1]?.positions ?? {};
      const from = before[m.offerFrom as string] as number;
      expect(m.before).toBe(before[m.actor as string]);
      expect(m.after).toBe(rounds[m.round as number]?.positions[m.actor as string]);
      if (m.kind === "compromise") {
        // Towards the proposer, not past it (eqs. 35–36).
        const [lo, hi] = [Math.min(m.before as number, from), Math.max(m.before as number, from)];
        expect(m.after as number).toBeGreaterThanOrEqual(lo);
        expect(m.after as number).toBeLessThanOrEqual(hi);
      } else {
        expect(m.after).toBe(from); // confrontation lost or capitulation: to the proposer
      }
    }
  });

  it("forecasts the weighted median after the last round, on the fixed initial range", () => {
    const last = reference.rounds[reference.rounds.length - 1];
    expect(Math.abs(result.forecast - (last?.median as number))).toBeLessThanOrEqual(TOL);
    expect(result.details.ranges).toEqual(Array(10).fill(reference.params.range));
    expect(result.details.stopReason).toBe("fixed-rounds");
  });

  it("stays within 0.1 of Scholz et al. Table 2, except the known round-2 median", () => {
    const table2 = {
      median: [8.4, 9.9, 9.9, 9.9, 9.9, 7.4, 8.8, 9.6],
      mean: [7.4, 7.5, 7.6, 7.3, 7.3, 7.4, 7.5, 7.6],
    };
    for (let t = 1; t <= 8; t++) {
      const mean = result.details.means[t] as number;
      expect(Math.abs(mean - (table2.mean[t - 1] as number))).toBeLessThanOrEqual(0.1 + 1e-12);
      const median = result.details.medians[t] as number;
      const off = Math.abs(median - (table2.median[t - 1] as number));
      if (t === 2) expect(off).toBeGreaterThan(0.1);
      else expect(off).toBeLessThanOrEqual(0.1 + 1e-12);
    }
  });
});

describe("eum, preset paper", () => {
  it("follows the printed equations and collapses the emission example to 7", () => {
    const result = run({ preset: "paper" });
    expect(result.forecast).toBe(7);
    expect(result.details.medians.every((m) => m === 7)).toBe(true);
    const last = result.rounds[result.rounds.length - 1]?.positions ?? {};
    expect(Object.values(last).every((x) => x === 7)).toBe(true);
  });
});

describe("eum interpretation parameters without a reference vector", () => {
  const base = run();
  const positions = (result: ReturnType<typeof run>, t: number) =>
    inOrder(result.rounds[t]?.positions ?? {});

  it("A8: with conflict = no-move nobody gives in to a confrontation", () => {
    // Round 1 of scholz-code: Luxembourg confronts → Belgium (7), Ireland → Luxembourg (4).
    const result = run({ params: { conflict: "no-move" } });
    const [lu, ie] = [ids.indexOf("lu"), ids.indexOf("ie")];
    expect([positions(base, 1)[lu], positions(base, 1)[ie]]).toEqual([7, 4]);
    const [x, y] = [positions(result, 1)[lu] as number, positions(result, 1)[ie] as number];
    expect(x > 4 && x < 7).toBe(true); // takes its best compromise instead
    expect(y).not.toBe(4);
  });

  it("A5: range = scale equals the initial range when the inputs span the scale", () => {
    expect(run({ params: { range: "scale" } }).rounds).toEqual(base.rounds);
    const wide = emission();
    const issue = wide.issues[0] as ScenarioData["issues"][number];
    wide.issues[0] = { ...issue, min: 0, max: 20 };
    const result = eum.run(wide, { params: { range: "scale" } }).issues[0];
    const details = (result?.details ?? {}) as unknown as Details;
    expect(details.ranges[0]).toBe(20);
    expect(result?.rounds).not.toEqual(base.rounds);
  });

  it("A7: the security view only matters once the security pass uses non-unit exponents", () => {
    expect(run({ params: { security: "own" } }).rounds).toEqual(base.rounds);
    const previous = run({ params: { securityExponents: "previous" } });
    const both = run({ params: { securityExponents: "previous", security: "own" } });
    expect(previous.rounds[1]).toEqual(base.rounds[1]);
    expect(previous.details.riskExponents[1]).not.toEqual(base.details.riskExponents[1]);
    expect(both.details.riskExponents[1]).not.toEqual(previous.details.riskExponents[1]);
  });

  it("A6/A11: μ matters only when Q < 1", () => {
    expect(run({ params: { mu: "mean" } }).rounds).toEqual(base.rounds);
    const median = run({ params: { Q: 0.5 } });
    const mean = run({ params: { Q: 0.5, mu: "mean" } });
    expect(median.rounds).not.toEqual(base.rounds);
    expect(mean.rounds).not.toEqual(median.rounds);
  });

  it("A4: the printed salience of eq. 25b changes the security levels and the moves", () => {
    const printed = run({ params: { salience25b: "printed" } });
    expect(printed.details.riskExponents[0]).not.toEqual(base.details.riskExponents[0]);
  });
});

describe("eum stopping rule", () => {
  it("stops once the median has not changed for stableRounds rounds", () => {
    // scholz-code medians: 7, 8.42, 9.61, 9.96, 9.96, 9.96, 7.47, …
    const result = run({ params: { stop: "stable", stableRounds: 2 } });
    expect(result.details.stopReason).toBe("stable-median");
    expect(result.details.roundsRun).toBe(5);
    expect(result.rounds).toHaveLength(6);
    const fixed = run();
    expect(result.rounds).toEqual(fixed.rounds.slice(0, 6));
    expect(result.forecast).toBe(fixed.details.medians[5]);
  });

  it("runs to the round limit when the median never settles long enough", () => {
    const result = run({ params: { stop: "stable", stableRounds: 3 } });
    expect(result.details.stopReason).toBe("round-limit");
    expect(result.details.roundsRun).toBe(10);
    const longer = run({ params: { stop: "stable", stableRounds: 3, rounds: 25 } });
    expect(longer.details.roundsRun).toBeLessThanOrEqual(25);
    expect(longer.rounds).toHaveLength(longer.details.roundsRun + 1);
  });

  it("counts changes within stableTolerance × scale width as unchanged", () => {
    // Without risk the median creeps 9.824, 9.9994, 9.99999999, 10, …: exact equality needs
    // until round 5, a tolerance of 1e-3 × 6 years treats round 2 → 3 as unchanged already.
    const exact = run({ params: { risk: false, stop: "stable", stableRounds: 1 } });
    expect(exact.details.roundsRun).toBe(5);
    const loose = run({
      params: { risk: false, stop: "stable", stableRounds: 1, stableTolerance: 1e-3 },
    });
    expect(loose.details.roundsRun).toBe(3);
    expect(loose.details.stopReason).toBe("stable-median");
  });

  it("honours the number of rounds", () => {
    const result = run({ params: { rounds: 3 } });
    expect(result.rounds).toHaveLength(4);
    expect(result.details.medians).toHaveLength(4);
    expect(result.details.riskExponents).toHaveLength(3);
  });
});

describe("eum parameters", () => {
  it.each([
    [{ Q: 1.5 }, /parameter "Q" of model "eum".*1\.5/],
    [{ Q: "half" }, /parameter "Q".*"half"/],
    [{ rounds: 0 }, /parameter "rounds".*got 0/],
    [{ rounds: 2.5 }, /parameter "rounds".*integer.*2\.5/],
    [{ stableRounds: -1 }, /parameter "stableRounds".*-1/],
    [{ stableTolerance: 2 }, /parameter "stableTolerance".*got 2/],
    [{ probability: "eq31" }, /parameter "probability".*global, pairwise.*"eq31"/],
    [{ selection: "random" }, /scholz-code, least-move, highest-eu.*"random"/],
    [{ capitulation: "yes" }, /parameter "capitulation".*true or false.*"yes"/],
    [{ stop: "never" }, /parameter "stop".*"never"/],
    [{ range: "dynamic" }, /initial, current, scale.*"dynamic"/],
    [{ tie: "lower" }, /no parameter "tie"/],
  ] as [Record<string, string | number>, RegExp][])(
    "rejects %o with a RangeError",
    (params, message) => {
      expect(() => eum.run(emission(), { params })).toThrow(RangeError);
      expect(() => eum.run(emission(), { params })).toThrow(message);
    },
  );

  it("rejects an unknown preset, naming it and the known ones", () => {
    expect(() => eum.run(emission(), { preset: "bdm" })).toThrow(
      /no preset "bdm"; presets: scholz-code, paper/,
    );
  });

  it("parses string values as the CLI passes them", () => {
    const a = run({ params: { Q: "0.5", capitulation: "true", rounds: "4" } });
    const b = run({ params: { Q: 0.5, capitulation: true, rounds: 4 } });
    expect(a).toEqual(b);
  });

  it("declares every parameter with a description naming its equation or ambiguity", () => {
    for (const p of eum.params) {
      expect(p.description, p.name).toMatch(/A\d+|eqs?\. \d+|§\d/);
      expect(["enum", "boolean", "number", "integer"]).toContain(p.kind);
    }
    for (let k = 1; k <= 12; k++) {
      expect(
        eum.params.some((p) => new RegExp(`\\bA${k}\\b`).test(p.description)),
        `A${k}`,
      ).toBe(true);
    }
  });
});
