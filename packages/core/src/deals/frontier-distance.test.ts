import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { distanceToFrontier, distanceToPoint } from "./frontier-distance.ts";
import { frontierOf } from "./pareto-outcomes.ts";

describe("distances in utility space", () => {
  it("distance to the frontier equals a brute-force nearest-point search (2 and 3 parties)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }),
        fc.array(
          fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
          {
            minLength: 1,
            maxLength: 60,
          },
        ),
        (n, rows) => {
          const u = Array.from({ length: n }, (_, p) =>
            Float64Array.from(rows, (r) => r[p] as number),
          );
          const front = frontierOf(u);
          const d = distanceToFrontier(u, front.utilities);
          rows.forEach((_, i) => {
            let best = Number.POSITIVE_INFINITY;
            for (let j = 0; j < front.outcomes.length; j++) {
              best = Math.min(
                best,
                Math.hypot(
                  ...u.map(
                    (x, p) =>
                      (x[i] as number) - ((front.utilities[p] as Float64Array)[j] as number),
                  ),
                ),
              );
            }
            expect(d[i]).toBeCloseTo(best, 12);
          });
          for (const i of front.outcomes) expect(d[i]).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("distance to a point, for listed outcomes", () => {
    const u = [Float64Array.of(0, 3), Float64Array.of(0, 4)];
    expect(Array.from(distanceToPoint(u, [0, 0]))).toEqual([0, 5]);
    expect(Array.from(distanceToPoint(u, [0, 0], Uint32Array.of(1)))).toEqual([5]);
  });
});
