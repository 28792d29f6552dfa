import { analyseDeals, utilityOf } from "@entente/core";
import { describe, expect, it } from "vitest";
import { type Diagnostic, formatDiagnostic, InputError } from "../diagnostic.ts";
import {
  geniusWebFromParsed,
  parseGeniusWebJson,
  readGeniusWebScenario,
} from "./read-geniusweb.ts";

const root = new URL(
  "../../../../../test/fixtures/negotiation-domains/geniusweb/Party/",
  import.meta.url,
);
const fixture = (path: string) => new URL(path, root).pathname;

function convert(...profiles: string[]): string[] {
  const docs = profiles.map((text, i) => {
    const file = `p${i + 1}.json`;
    const r = parseGeniusWebJson(new TextEncoder().encode(text), file);
    if ("diagnostics" in r) return { file, diagnostics: r.diagnostics };
    return { file, document: r.document };
  });
  const bad = docs.flatMap((d) => ("diagnostics" in d ? (d.diagnostics as Diagnostic[]) : []));
  if (bad.length > 0) return bad.map(formatDiagnostic);
  const result = geniusWebFromParsed(
    undefined,
    docs.map((d) => d as { file: string; document: NonNullable<(typeof d)["document"]> }),
  );
  return "diagnostics" in result ? result.diagnostics.map(formatDiagnostic) : [];
}

const PROFILE = `{
  "LinearAdditiveUtilitySpace": {
    "name": "buyer",
    "issueUtilities": {
      "Price": { "discreteutils": { "valueUtilities": { "low": 1, "high": 0.2 } } }
    },
    "issueWeights": { "Price": 1 },
    "domain": { "name": "d", "issuesValues": { "Price": { "values": ["low", "high"] } } }
  }
}`;

describe("GeniusWeb JSON import", () => {
  it("reads the Party domain and profiles; reservation = utility of the reservation bid", async () => {
    const r = await readGeniusWebScenario({
      domain: fixture("party.json"),
      profiles: [fixture("party1.json"), fixture("party2.json")],
    });
    expect(r.space.issues.map((i) => i.id)).toEqual([
      "Food",
      "Drinks",
      "Location",
      "Invitations",
      "Music",
      "Cleanup",
    ]);
    expect(r.space.size).toBe(4 * 4 * 4 * 4 * 3 * 4);
    expect(r.utilities.map((u) => u.id)).toEqual(["party1", "party2"]);
    const [p1] = r.utilities;
    // Handmade Food, Handmade Cocktails, Party Tent, Custom Printed, Band, Special Equiment
    const bid = [2, 2, 0, 3, 2, 2];
    expect(p1?.reservation).toBeCloseTo(
      0.19 * 0.51 + 0.28 * 0.672 + 0.19 * 0.52 + 0.05 * 0.48 + 0.19 * 0.35 + 0.1 * 0.32,
      12,
    );
    expect(p1?.reservation).toBe(utilityOf(p1 as NonNullable<typeof p1>, bid));
    const a = analyseDeals(r.space, r.utilities);
    expect(a.frontier.outcomes.length).toBeGreaterThan(0);
    expect(a.nash?.utilities.every((u, i) => u > (r.utilities[i]?.reservation ?? 0))).toBe(true);
  });

  it("without a domain file, the first profile's embedded domain is used", async () => {
    const r = await readGeniusWebScenario({
      profiles: [fixture("party1.json"), fixture("party2.json")],
    });
    expect(r.space.size).toBe(3072);
    expect(convert(PROFILE)).toEqual([]);
  });

  it("locates problems at file:line:col with the JSON path and what is allowed", () => {
    expect(convert(PROFILE.replace('"high": 0.2', '"high": 1.2, "medium": 0.5'))).toEqual([
      'p1.json:5:75 LinearAdditiveUtilitySpace.issueUtilities.Price.discreteutils.valueUtilities.high: expected a utility from 0 to 1 for value "high" of issue "Price", got 1.2',
      'p1.json:5:80 LinearAdditiveUtilitySpace.issueUtilities.Price.discreteutils.valueUtilities.medium: "medium" is not a value of issue "Price"; values: low, high',
    ]);
    expect(
      convert(
        PROFILE.replace('"issueWeights": { "Price": 1 }', '"issueWeights": { "Price": "x" }'),
      ),
    ).toEqual([
      'p1.json:7:32 LinearAdditiveUtilitySpace.issueWeights.Price: expected a weight ≥ 0 for issue "Price", got "x"',
    ]);
    expect(convert('{ "PartialOrdering": {} }')).toEqual([
      'p1.json:1:1 (document): expected a {"LinearAdditiveUtilitySpace": …} profile, found PartialOrdering; only linear additive profiles are supported',
    ]);
    expect(convert('{ "a": 1, }')).toEqual([
      "p1.json:1:11 (syntax): invalid JSON: Expected double-quoted property name",
    ]);
  });

  it("throws InputError for a missing file", async () => {
    await expect(
      readGeniusWebScenario({ profiles: ["/nonexistent/p.json"] }),
    ).rejects.toBeInstanceOf(InputError);
  });
});
