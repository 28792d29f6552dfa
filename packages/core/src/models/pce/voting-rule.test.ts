import { describe, expect, it } from "vitest";
import { VOTING_RULES, vote, votingRuleCode } from "./voting-rule.ts";

const code = (r: (typeof VOTING_RULES)[number]) => votingRuleCode(r);

describe("vote (KTAB Model::vote, spec §5.2)", () => {
  it("lists KTAB's rules in enum order", () => {
    expect(VOTING_RULES).toEqual(["Binary", "PropBin", "Prop", "PropCbc", "Cubic", "ASymProsp"]);
  });

  it("computes each rule for w = 2, Δ = 0.5 and Δ = −0.5", () => {
    expect(vote(code("Prop"), 2, 0.75, 0.25)).toBe(1);
    expect(vote(code("Binary"), 2, 0.75, 0.25)).toBe(2);
    expect(vote(code("Binary"), 2, 0.25, 0.75)).toBe(-2);
    expect(vote(code("PropBin"), 2, 0.75, 0.25)).toBeCloseTo(2 * (0.8 * 0.5 + 0.2), 15);
    expect(vote(code("PropCbc"), 2, 0.75, 0.25)).toBeCloseTo(2 * (0.25 + 0.0625), 15);
    expect(vote(code("Cubic"), 2, 0.25, 0.75)).toBeCloseTo(-0.25, 15);
    expect(vote(code("ASymProsp"), 2, 0.25, 0.75)).toBe(-1);
    expect(vote(code("ASymProsp"), 2, 0.75, 0.25)).toBeCloseTo(2 / 3, 15);
  });

  it("Binary is linear within 1e-8 of indifference and zero at it", () => {
    expect(vote(code("Binary"), 1, 0.5 + 5e-9, 0.5)).toBeCloseTo(0.5, 6);
    expect(vote(code("Binary"), 1, 0.5, 0.5)).toBe(0);
    expect(vote(code("ASymProsp"), 1, 0.5, 0.5)).toBe(0);
  });
});
