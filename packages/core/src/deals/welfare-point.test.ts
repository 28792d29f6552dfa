import { describe, expect, it } from "vitest";
import { egalitarianPoint, maxWelfarePoint } from "./welfare-point.ts";

describe("welfare points", () => {
  const u = [Float64Array.of(0.9, 0.6, 0.5), Float64Array.of(0.2, 0.45, 0.5)];

  it("max welfare ignores reservation values; first on ties", () => {
    expect(maxWelfarePoint(u)?.at).toBe(0);
    expect(maxWelfarePoint(u)?.score).toBeCloseTo(1.1, 12);
    expect(maxWelfarePoint([Float64Array.of(1, 0.5), Float64Array.of(0, 0.5)])?.at).toBe(0);
    expect(maxWelfarePoint([new Float64Array(0)])).toBeUndefined();
  });

  it("egalitarian maximises the smallest gain among rational outcomes", () => {
    expect(egalitarianPoint(u, [0, 0])?.at).toBe(2);
    expect(egalitarianPoint(u, [0.55, 0])?.at).toBe(0); // j=1 gains (0.05, 0.45), j=0 (0.35, 0.2)
    expect(egalitarianPoint(u, [1, 1])).toBeUndefined();
  });
});
