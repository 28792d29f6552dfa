import { describe, expect, it } from "vitest";
import domain from "../../../../test/fixtures/negotiation-domains/geniusweb/Party/party.json" with {
  type: "json",
};
import party1 from "../../../../test/fixtures/negotiation-domains/geniusweb/Party/party1.json" with {
  type: "json",
};
import party2 from "../../../../test/fixtures/negotiation-domains/geniusweb/Party/party2.json" with {
  type: "json",
};
import { geniusWebDealSpace } from "./geniusweb-space.ts";

describe("geniusWebDealSpace (pure conversion)", () => {
  it("reads the Party example: weights × value utilities, no normalisation", () => {
    const r = geniusWebDealSpace(domain, [
      { name: "file1", json: party1 },
      { name: "file2", json: party2 },
    ]);
    if ("problems" in r) throw new Error(JSON.stringify(r.problems));
    expect(r.utilities.map((u) => u.id)).toEqual(["party1", "party2"]);
    expect(Array.from(r.utilities[0]?.contributions[0] ?? [])).toEqual(
      [0.75, 0.52, 0.51, 0.25].map((x) => 0.19 * x),
    );
    expect(r.utilities[1]?.reservation).toBeCloseTo(
      0.095 * 0.52 + 0.228 * 0.33 + 0.109 * 0.3 + 0.214 * 0.24 + 0.108 * 0.64 + 0.246 * 0.36,
      12,
    );
    expect(r.notes).toEqual([]);
  });

  it("reports problems with their JSON paths", () => {
    const broken = structuredClone(party1) as {
      LinearAdditiveUtilitySpace: Record<string, unknown>;
    };
    const space = broken.LinearAdditiveUtilitySpace;
    (space.issueWeights as Record<string, unknown>).Music = "high";
    space.reservationBid = {
      issuevalues: {
        ...(space.reservationBid as { issuevalues: object }).issuevalues,
        Food: "Pizza",
      },
    };
    const r = geniusWebDealSpace(undefined, [{ name: "p", json: broken }]);
    expect("problems" in r && r.problems.map((p) => [p.path.join("."), p.message])).toEqual([
      [
        "LinearAdditiveUtilitySpace.issueWeights.Music",
        'expected a weight ≥ 0 for issue "Music", got "high"',
      ],
      [
        "LinearAdditiveUtilitySpace.reservationBid.issuevalues.Food",
        'expected one of "Chips and Nuts", "Finger-Food", "Handmade Food", "Catering" for issue "Food", got "Pizza"',
      ],
    ]);
    expect(geniusWebDealSpace(undefined, [])).toEqual({
      problems: [{ source: "domain", path: [], message: "expected at least one profile" }],
    });
  });
});
