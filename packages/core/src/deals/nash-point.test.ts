import fc from "fast-check";
import { describe, expect, it } from "vitest";
import expected from "../../../../test/fixtures/negotiation-domains/expected.json" with {
  type: "json",
};
import { nashPoint } from "./nash-point.ts";
import { frontierOf } from "./pareto-outcomes.ts";

const columns = (points: number[][]) =>
  [0, 1].map((p) => Float64Array.from(points, (x) => x[p] as number));

describe("nashPoint", () => {
  it("§5.7: outcomes (4,1), (1,4), (2,2) with d = (1,1) → discrete Nash (2,2)", () => {
    const v = expected.analytic.mixture;
    const n = nashPoint(columns(v.points), v.disagreement);
    expect(n?.utilities).toEqual(v.discreteNash);
    expect(n?.score).toBe(1);
  });

  it("only counts outcomes strictly above every reservation value", () => {
    // (3,0.5) has a larger product over d = (1,1) — (2)(−0.5) < 0 — but is not rational anyway;
    // (0,0) would give a positive product (−1)(−1) = 1 without the filter (negmas's pitfall).
    const u = columns([
      [0, 0],
      [3, 0.5],
      [1.5, 1.5],
    ]);
    expect(nashPoint(u, [1, 1])?.at).toBe(2);
    expect(nashPoint(u, [2, 2])).toBeUndefined();
  });

  it("is on the Pareto frontier: the maximum over all outcomes equals that over the frontier", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 8 }),
            fc.integer({ min: 0, max: 8 }),
            fc.integer({ min: 0, max: 8 }),
          ),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        (rows) => {
          const u = [0, 1, 2].map((p) => Float64Array.from(rows, (r) => (r[p] as number) / 8));
          const r = [0.1, 0.1, 0.1];
          const all = nashPoint(u, r);
          const front = frontierOf(u);
          const onFront = nashPoint(front.utilities, r);
          expect(onFront?.score).toBe(all?.score);
          if (all) expect(front.outcomes).toContain(all.at);
        },
      ),
    );
  });
});
