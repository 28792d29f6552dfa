import { describe, expect, it } from "vitest";
import { resolveParams } from "../models/params.ts";
import { dealAnalysis, dealOptions } from "./deal-options.ts";

describe("deal analysis options", () => {
  it("defaults reproduce deal-space.md §5; strings are parsed and checked", () => {
    expect(dealOptions(resolveParams(dealAnalysis))).toEqual({
      gridPoints: 11,
      loss: "linear",
      statusQuoOnGrid: true,
      ks: "textbook",
      ksUtopia: "ideal",
      winSetScope: "touched",
      maxOutcomes: 16_777_216,
      geniusDuplicates: "last",
    });
    const o = dealOptions(
      resolveParams(dealAnalysis, { params: { gridPoints: "5", ks: "genius" } }),
    );
    expect([o.gridPoints, o.ks]).toEqual([5, "genius"]);
    expect(() => resolveParams(dealAnalysis, { params: { gridPoints: 1 } })).toThrow(
      'parameter "gridPoints" of model "deals": expected an integer from 2 to 101, got 1',
    );
    expect(() => resolveParams(dealAnalysis, { params: { ks: "raiffa" } })).toThrow(
      "one of textbook, negmas, genius",
    );
  });
});
