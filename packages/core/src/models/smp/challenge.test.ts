// Stage-by-stage check against KTAB's full-logging run of dummyData_3Dim, turn 0.
import { describe, expect, it } from "vitest";
import {
  readKtabCsv,
  readKtabJson,
  smpProblemOf,
} from "../../../../../test/fixtures/ktab/ktab-fixtures.ts";
import { makeOffers } from "./bargain-offers.ts";
import { challengeContext, challengeEstimate, setEstimator } from "./challenge.ts";
import { smpSettings } from "./smp-settings.ts";
import { assessState } from "./state-assessment.ts";
import { salienceNorms } from "./weighted-distance.ts";

interface Turn0 {
  challenges: { rows: [number, number, number, number][] };
  offers: { rows: [number, number, number[], number[]][] };
}

const ref = readKtabJson<Turn0>("expected/dummyData_3Dim-turn0.json");
const {
  n,
  m,
  capabilities: c,
  positions: x,
  saliences: s,
} = smpProblemOf(readKtabCsv("inputs/dummyData_3Dim.csv"));
const settings = smpSettings({ compat: "ktab" });
const state = assessState(n, m, x, x, s, salienceNorms(s, n, m), c, settings);
const sigma = new Float64Array(n);
const weight = new Float64Array(n);
for (let i = 0; i < n; i++) {
  for (let k = 0; k < m; k++) sigma[i] = (sigma[i] as number) + (s[i * m + k] as number);
  weight[i] = (sigma[i] as number) * (c[i] as number);
}

describe("challengeEstimate (KTAB SMPState::probEduChlg, spec §5.4), turn 0", () => {
  it.each(ref.challenges.rows)(
    "initiator %i vs %i: ProbVict and UtilChlg − UtilSQ",
    (i, j, P, gain) => {
      const ctx = challengeContext(n, state, sigma, weight, settings);
      setEstimator(ctx, i, i);
      const out = new Float64Array(2);
      challengeEstimate(ctx, i, j, out);
      expect(Math.abs((out[0] as number) - P)).toBeLessThan(1e-13);
      expect(Math.abs((out[1] as number) - gain)).toBeLessThan(1e-13);
    },
  );
});

describe("makeOffers (KTAB SMPState::doBCN, spec §5.5), turn 0", () => {
  it("makes KTAB's offers: same targets and coordinates", () => {
    const ctx = challengeContext(n, state, sigma, weight, settings);
    const b = makeOffers(ctx, m, x, s, c);
    const got = Array.from({ length: b.count }, (_, q) => [
      b.init[q],
      b.rcvr[q],
      Array.from(b.posInit.subarray(q * m, q * m + m), (v) => Math.round(v * 1e6) / 1e4),
      Array.from(b.posRcvr.subarray(q * m, q * m + m), (v) => Math.round(v * 1e6) / 1e4),
    ]);
    expect(got).toEqual(ref.offers.rows);
  });
});
