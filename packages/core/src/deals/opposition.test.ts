import { describe, expect, it } from "vitest";
import expected from "../../../../test/fixtures/negotiation-domains/expected.json" with {
  type: "json",
};
import { opposition } from "./opposition.ts";

describe("opposition (negmas definition)", () => {
  it("doctest: u₁ = x, u₂ = 9 − x for x = 0..9 → √41/9", () => {
    const x = Float64Array.from({ length: 10 }, (_, i) => i);
    const y = Float64Array.from(x, (v) => 9 - v);
    expect(opposition([x, y], [9, 9], [-1, -1])).toBe(expected.analytic.opposition.value);
  });

  it("identical utilities → 0; nothing acceptable → undefined", () => {
    const x = Float64Array.of(0.2, 1);
    expect(opposition([x, x], [1, 1], [0, 0])).toBe(0);
    expect(opposition([x, x], [1, 1], [1, 1])).toBeUndefined();
  });
});
