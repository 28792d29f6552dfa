import { describe, expect, it } from "vitest";
import expected from "../../../../test/fixtures/negotiation-domains/expected.json" with {
  type: "json",
};
import {
  convexFrontier,
  distanceToHull,
  hullEgalitarianPoint,
  hullKalaiSmorodinskyPoint,
  hullNashPoint,
} from "./convex-frontier.ts";

const v = expected.analytic.mixture;
const hull = convexFrontier(
  v.points.map((p) => p[0] as number),
  v.points.map((p) => p[1] as number),
);
const d = v.disagreement as [number, number];

describe("convex-hull frontier (§5.7 negmas mixture vector)", () => {
  it("drops the point under the hull", () => {
    expect(Array.from(hull.u0)).toEqual([1, 4]);
    expect(Array.from(hull.u1)).toEqual([4, 1]);
  });

  it("Nash = Kalai = (2.5, 2.5) on the hull; KS too by symmetry", () => {
    expect(hullNashPoint(hull, d)?.utilities).toEqual(v.hullNash);
    expect(hullEgalitarianPoint(hull, d)?.utilities).toEqual(v.hullKalai);
    expect(hullKalaiSmorodinskyPoint(hull, d)?.utilities).toEqual([2.5, 2.5]);
  });

  it("distance from (2.5, 2.6) to the hull frontier is 0.1/√2", () => {
    expect(distanceToHull(hull, v.hullDistanceFrom as [number, number])).toBeCloseTo(
      v.hullDistance,
      12,
    );
  });

  it("keeps a vertex solution when the optimum is a corner; none below d", () => {
    const h = convexFrontier([0, 1, 3], [3, 2.9, 0]);
    expect(Array.from(h.u0)).toEqual([0, 1, 3]);
    // Interior optimum on the second segment: (1 + 2t)(2.9 − 2.9t) is largest at t = 1/4.
    const inner = hullNashPoint(h, [0, 0]);
    expect(inner?.segment).toBe(1);
    expect(inner?.t).toBeCloseTo(0.25, 12);
    expect(inner?.utilities[0]).toBeCloseTo(1.5, 12);
    // A corner optimum: the product rises along the first segment and falls along the second.
    const corner = convexFrontier([0, 2, 2.1], [4, 3.9, 0]);
    expect(hullNashPoint(corner, [0, 0])?.utilities).toEqual([2, 3.9]);
    expect(hullNashPoint(h, [5, 5])).toBeUndefined();
  });
});
