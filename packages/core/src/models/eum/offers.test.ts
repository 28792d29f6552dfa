import { describe, expect, it } from "vitest";
import { type OfferInput, respond } from "./offers.ts";

// Actor 0 at 0 responds; with R = 1, r = 1 and Q = 1 every distance to it is 1, U_s = 2,
// U_f = −2, U_sq = 0, so E^0(U_0j) = 2 − 4 s_j + 4 s_j P(0,j) and, with s_0 = 0.5,
// E(U_j0) = 2·P(j,0).
function input(
  x: number[],
  s: number[],
  p: Record<string, number>,
  rules: Partial<OfferInput> = {},
): OfferInput {
  const n = x.length;
  const prob = new Float64Array(n * n);
  for (const [key, v] of Object.entries(p)) {
    const [i, j] = key.split(",").map(Number) as [number, number];
    prob[i * n + j] = v;
  }
  return {
    x: Float64Array.from(x),
    s: Float64Array.from(s),
    r: new Float64Array(n).fill(1),
    prob,
    dMu: new Float64Array(n),
    R: 1,
    Q: 1,
    perspective: "receiver",
    salience25b: "responder",
    conflict: "lower-moves",
    capitulation: false,
    selection: "scholz-code",
    ...rules,
  };
}

describe("respond (§6.1 offer types, §6.2 selection)", () => {
  // a = 1, b = 1.6: a confrontation actor 0 loses.
  const confrontation = input([0, 1], [0.5, 0.25], { "0,1": 0, "1,0": 0.8 });
  it("moves the loser of a confrontation to the winner's position (Fig. 6)", () => {
    expect(respond(0, confrontation)).toBe(1);
  });
  it("keeps it in place when conflict = no-move (A8)", () => {
    expect(respond(0, { ...confrontation, conflict: "no-move" })).toBe(0);
  });

  // a = −1, b = 1.8: compromise at |a/b| of the way (eq. 36).
  it("moves part way on a compromise (eqs. 35–36)", () => {
    const x = respond(0, input([0, 1], [0.5, 1], { "0,1": 0.25, "1,0": 0.9 }));
    expect(Math.abs(x - 1 / 1.8)).toBeLessThanOrEqual(1e-15);
  });

  // a = −1, b = 0.6: |a| > b, capitulation.
  const capitulation = input([0, 1], [0.5, 1], { "0,1": 0.25, "1,0": 0.3 });
  it("capitulates only when capitulation is on (A9)", () => {
    expect(respond(0, capitulation)).toBe(0);
    expect(respond(0, { ...capitulation, capitulation: true })).toBe(1);
  });

  it("ranks compromises by Scholz's key or by the least move (A10)", () => {
    // From 1: a = −1, b = 1.8, target 0.556, key 0.643; from 2 at −1: a = −1, b = 1.2,
    // target −0.833, key −0.545.
    const offers = input([0, 1, -1], [0.5, 1, 1], {
      "0,1": 0.25,
      "1,0": 0.9,
      "0,2": 0.25,
      "2,0": 0.6,
    });
    expect(Math.abs(respond(0, offers) - -1 / 1.2)).toBeLessThanOrEqual(1e-15);
    const least = respond(0, { ...offers, selection: "least-move" });
    expect(Math.abs(least - 1 / 1.8)).toBeLessThanOrEqual(1e-15);
  });

  it("takes the proposer with the highest expected utility, any type, with highest-eu (A10)", () => {
    // From 1: confrontation, b = 1.6; from 2 at −1: compromise, a = −1, b = 1.8.
    const offers = input([0, 1, -1], [0.5, 0.25, 1], {
      "0,1": 0,
      "1,0": 0.8,
      "0,2": 0.25,
      "2,0": 0.9,
    });
    expect(respond(0, offers)).toBe(1);
    expect(respond(0, { ...offers, selection: "least-move" })).toBe(1);
    const highest = respond(0, { ...offers, selection: "highest-eu" });
    expect(Math.abs(highest - -1 / 1.8)).toBeLessThanOrEqual(1e-15);
  });

  it("ignores actors at its own position and stays put without offers", () => {
    expect(respond(0, input([0, 0], [0.5, 0.5], { "0,1": 1, "1,0": 1 }))).toBe(0);
    // a = 2 − 4·0.5 + 4·0.5·1 = 2 > b = 0: actor 0 has the upper hand.
    expect(respond(0, input([0, 1], [0.5, 0.5], { "0,1": 1, "1,0": 0 }))).toBe(0);
  });
});
