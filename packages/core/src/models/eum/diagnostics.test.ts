import { describe, expect, it } from "vitest";
import reference from "../../../../../test/fixtures/reference/eum-jm-example-10.json" with {
  type: "json",
};
import { resolveParams } from "../params.ts";
import { eumRoundDiagnostics } from "./diagnostics.ts";
import { eum } from "./eum.ts";
import { eumOptions } from "./options.ts";

const TOL = 1e-9;
const { actors, scale } = reference;
const input = {
  positions: actors.map((a) => a.position),
  capabilities: actors.map((a) => a.capability),
  saliences: actors.map((a) => a.salience),
  min: scale.min,
  max: scale.max,
};
const index = (id: string) => actors.findIndex((a) => a.id === id);

/** Largest |a − b| over two matrices with null diagonals (Infinity when shapes differ). */
function maxDiff(a: (number | null)[][], b: (number | null)[][]): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let m = 0;
  for (const [i, row] of a.entries()) {
    const other = b[i] ?? [];
    if (row.length !== other.length) return Number.POSITIVE_INFINITY;
    for (const [j, v] of row.entries()) {
      const w = other[j];
      if (v === null || w === null || w === undefined) {
        if (v !== w) return Number.POSITIVE_INFINITY;
      } else m = Math.max(m, Math.abs(v - w));
    }
  }
  return m;
}

describe("eum round 1 on the emission example, preset scholz-code", () => {
  const d = eumRoundDiagnostics(input, eumOptions(resolveParams(eum)));
  const round1 = reference.round1;

  it("uses R = 6 and the global-denominator probabilities with r = 1", () => {
    expect(d.range).toBe(reference.params.range);
    expect(maxDiff(d.security?.probability ?? [], round1.probability)).toBeLessThanOrEqual(TOL);
  });

  it("reproduces E^i(U_ij) with r = 1, the security levels and the risk exponents", () => {
    expect(
      maxDiff(d.security?.expectedUtility ?? [], round1.expectedUtilityUnit),
    ).toBeLessThanOrEqual(TOL);
    expect(maxDiff([d.security?.levels ?? []], [round1.security])).toBeLessThanOrEqual(TOL);
    expect(
      maxDiff([d.riskExponents], [reference.rounds[0]?.riskExponents ?? []]),
    ).toBeLessThanOrEqual(TOL);
  });

  it("reproduces the risk-adjusted E^i(U_ij) and the round-1 positions", () => {
    expect(maxDiff(d.expectedUtility, round1.expectedUtilityRisk)).toBeLessThanOrEqual(TOL);
    expect(maxDiff([d.positions], [reference.rounds[0]?.positions ?? []])).toBeLessThanOrEqual(TOL);
  });

  it("values Belgium's offer from France with Belgium's own exponent (spec §3.1)", () => {
    const be = index("be");
    const fr = index("fr");
    const move = reference.rounds[0]?.moves.find((m) => m.actor === "be");
    expect(move?.from).toBe("fr");
    const a = d.expectedUtility[be]?.[fr] as number;
    expect(Math.abs(a - (move?.euSelf as number))).toBeLessThanOrEqual(TOL);
    // 7 + 3·|a|/b with b = E(U_FR,BE) seen with Belgium's exponent.
    const b = (-a * 3) / ((move?.newPosition as number) - 7);
    expect(Math.abs(b - (move?.euOther as number))).toBeLessThanOrEqual(TOL);
  });

  it("gives P(i,j) + P(j,i) = 1 with the paper's eq. 31", () => {
    const paper = eumRoundDiagnostics(input, eumOptions(resolveParams(eum, { preset: "paper" })));
    const p = paper.probability;
    for (let i = 0; i < p.length; i++) {
      for (let j = 0; j < p.length; j++) {
        const sum = (p[i]?.[j] as number) + (p[j]?.[i] as number);
        const same = input.positions[i] === input.positions[j];
        expect(Math.abs(sum - (same ? 0 : 1))).toBeLessThanOrEqual(1e-12);
      }
    }
  });
});
