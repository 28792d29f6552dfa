import { describe, expect, it } from "vitest";
import reference from "../../../../../test/fixtures/reference/eum-jm-example-10.json" with {
  type: "json",
};
import { riskExponents } from "./risk.ts";

describe("riskExponents (eqs. 32–33)", () => {
  it("maps the highest Sec_i to r = 0.5, the lowest to 2 and the midpoint to 1", () => {
    const out = new Float64Array(3);
    riskExponents(Float64Array.from([3, -1, 1]), out);
    const diff = Math.max(...[0.5, 2, 1].map((r, i) => Math.abs(r - (out[i] as number))));
    expect(diff).toBeLessThanOrEqual(1e-15);
  });

  it("gives r = 1 to everyone when all are equally secure", () => {
    const out = new Float64Array(2);
    riskExponents(Float64Array.from([0.4, 0.4]), out);
    expect(Array.from(out)).toEqual([1, 1]);
  });

  it("turns the reference round-1 security levels into its risk exponents", () => {
    const out = new Float64Array(reference.actors.length);
    riskExponents(Float64Array.from(reference.round1.security), out);
    const expected = reference.rounds[0]?.riskExponents ?? [];
    const diff = Math.max(...expected.map((r, i) => Math.abs(r - (out[i] as number))));
    expect(diff).toBeLessThanOrEqual(1e-9);
  });
});
