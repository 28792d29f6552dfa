import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ModelCalibration } from "../calibration/model-calibration.ts";
import {
  drawPredictive,
  type Predictive,
  predictive,
} from "../calibration/predictive-distribution.ts";
import { randomStream } from "../random/stream.ts";
import type { Predicate } from "../scenario/schema.ts";
import { compileQuestion } from "./compile-question.ts";
import { type DecidedStep, questionProbability } from "./question-probability.ts";

const calibration: ModelCalibration = {
  n: 5,
  atoms: [0.35, 0.1],
  residuals: [-1.2, -0.4, 0, 0.5, 1.5],
  levels: { "50": 0.5, "80": 0.8, "95": 0.95 },
};
const issues = new Map([
  ["a", 0],
  ["b", 1],
]);
const phases = new Map([
  ["p", 0],
  ["q", 1],
]);
const law = (forecast: number): Predictive =>
  predictive(calibration, {
    forecast,
    min: 0,
    max: 100,
    positions: [20, 55, 80],
    weights: [1, 1, 1],
  });

/** Issue a decided by phases p then q, issue b by q only (the rest always stands for b). */
const stepsOf: DecidedStep[][] = [
  [
    { phase: 0, forecast: 40, predictive: law(40) },
    { phase: 1, forecast: 60, predictive: law(60) },
  ],
  [{ phase: 1, forecast: 70, predictive: undefined }],
];
const statusQuo = Float64Array.of(30, 25);
const agree = Float64Array.of(0.7, 0.4);

/** Truth of a predicate for given outcomes and agreements. */
function holds(p: Predicate, x: number[], agreed: boolean[]): boolean {
  if ("issue" in p) {
    const v = x[issues.get(p.issue) as number] as number;
    return (p.atLeast === undefined || v >= p.atLeast) && (p.atMost === undefined || v <= p.atMost);
  }
  if ("agreement" in p) return agreed[phases.get(p.agreement) as number] as boolean;
  if ("all" in p) return p.all.every((c) => holds(c, x, agreed));
  if ("any" in p) return p.any.some((c) => holds(c, x, agreed));
  return !holds(p.not, x, agreed);
}

/** Monte Carlo: draw the agreements and the outcomes, count. */
function byCounting(p: Predicate, n: number, seed: number): number {
  const rng = randomStream(seed, 77);
  let yes = 0;
  for (let s = 0; s < n; s++) {
    const agreed = [rng.next() < (agree[0] as number), rng.next() < (agree[1] as number)];
    const x = stepsOf.map((steps, k) => {
      let last: DecidedStep | undefined;
      for (const step of steps) if (agreed[step.phase]) last = step;
      const u = rng.next();
      if (!last) return statusQuo[k] as number;
      return last.predictive ? drawPredictive(last.predictive, u) : last.forecast;
    });
    if (holds(p, x, agreed)) yes++;
  }
  return yes / n;
}

const condition: fc.Arbitrary<Predicate> = fc.oneof(
  fc.record({
    issue: fc.constantFrom("a", "b"),
    atLeast: fc.integer({ min: 0, max: 100 }),
  }),
  fc.record({ issue: fc.constantFrom("a", "b"), atMost: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ agreement: fc.constantFrom("p", "q") }),
);
const predicate: fc.Arbitrary<Predicate> = fc.letrec<{ p: Predicate }>((tie) => ({
  p: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    condition,
    fc.record({ all: fc.array(tie("p"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie("p"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie("p") }),
  ),
})).p;

describe("questionProbability", () => {
  it("is exact: counting draws of agreements and outcomes converges to it", () => {
    fc.assert(
      fc.property(predicate, fc.integer({ min: 1, max: 1e6 }), (p, seed) => {
        const q = compileQuestion("x", p, issues, phases);
        const exact = questionProbability(q, stepsOf, statusQuo, agree);
        const n = 4000;
        const counted = byCounting(p, n, seed);
        // Five standard errors of a proportion.
        expect(Math.abs(counted - exact)).toBeLessThan(5 * Math.sqrt(0.25 / n) + 1e-9);
      }),
      { numRuns: 60 },
    );
  });

  it("computes a simple case by hand", () => {
    // P(agreement in q) = 0.4 exactly.
    expect(
      questionProbability(
        compileQuestion("x", { agreement: "q" }, issues, phases),
        stepsOf,
        statusQuo,
        agree,
      ),
    ).toBeCloseTo(0.4, 15);
    // b ≥ 50: b is 70 when q agrees (0.4), else its status quo 25.
    expect(
      questionProbability(
        compileQuestion("x", { issue: "b", atLeast: 50 }, issues, phases),
        stepsOf,
        statusQuo,
        agree,
      ),
    ).toBeCloseTo(0.4, 15);
  });

  it("refuses unknown ids", () => {
    expect(() => compileQuestion("x", { issue: "zzz", atLeast: 1 }, issues, phases)).toThrow(
      /unknown issue/,
    );
    expect(() => compileQuestion("x", { agreement: "zzz" }, issues, phases)).toThrow(
      /unknown phase/,
    );
  });
});
