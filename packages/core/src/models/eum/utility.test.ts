import { describe, expect, it } from "vitest";
import {
  betterUtility,
  expectedUtility,
  failureUtility,
  statusQuoUtility,
  successUtility,
  worseUtility,
} from "./utility.ts";

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12;

describe("basic utilities (eqs. 15, 16, 22–24)", () => {
  it("take the values of the linear utility at r = 1", () => {
    expect(statusQuoUtility(1)).toBe(0);
    expect(successUtility(1, 1)).toBe(2);
    expect(failureUtility(1, 1)).toBe(-2);
    expect(successUtility(0.25, 1)).toBe(0.5);
    expect(betterUtility(0.5, 0.5, 1)).toBe(1);
    expect(worseUtility(0.5, 0.5, 1)).toBe(-1);
  });

  it("equal the status quo at zero distance, for any exponent", () => {
    for (const r of [0.5, 1, 1.4, 2]) {
      expect(close(successUtility(0, r), statusQuoUtility(r))).toBe(true);
      expect(close(failureUtility(0, r), statusQuoUtility(r))).toBe(true);
    }
  });
});

describe("expectedUtility (eq. 25a)", () => {
  it("is zero between actors at the same position when Q = 1 (Scholz p. 27)", () => {
    expect(expectedUtility(0.3, 0.7, 0, 0.2, 1.5, 1)).toBe(0);
  });

  it("combines success, failure and the status quo as eq. 25a prints", () => {
    const [p, s, d, r] = [0.2, 0.6, 0.5, 1.3];
    const us = successUtility(d, r);
    const uf = failureUtility(d, r);
    const expected = s * (p * us + (1 - p) * uf) + (1 - s) * us - statusQuoUtility(r);
    expect(close(expectedUtility(p, s, d, 0.1, r, 1), expected)).toBe(true);
  });

  it("subtracts (1 − Q)·U_b when μ is nearer than the target (T = 1), else (1 − Q)·U_w", () => {
    const [p, s, d, r, Q] = [0.2, 0.6, 0.5, 1.3, 0.5];
    const base = expectedUtility(p, s, d, 0, r, 1) + (1 - Q) * statusQuoUtility(r);
    expect(
      close(expectedUtility(p, s, d, 0.1, r, Q), base - (1 - Q) * betterUtility(0.1, d, r)),
    ).toBe(true);
    expect(
      close(expectedUtility(p, s, d, 0.7, r, Q), base - (1 - Q) * worseUtility(0.7, d, r)),
    ).toBe(true);
  });
});
