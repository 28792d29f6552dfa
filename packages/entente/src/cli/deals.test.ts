import { describe, expect, it } from "vitest";
import { entente } from "../../../../test/support/cli.ts";

const ez = (name: string) =>
  new URL(
    `../../../../test/fixtures/negotiation-domains/genius/anac2010/EnglandZimbabwe/${name}`,
    import.meta.url,
  ).pathname;

describe("entente deals", () => {
  it("analyses the Budapest scenario between two actors, with the win-set under ratification", async () => {
    const r = await entente("deals", "--between", "usa,russia", "--ratify", "-f", "json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.parties).toEqual(["usa", "russia"]);
    expect(doc.frontierPoints).toBeGreaterThan(10);
    const [ua, ub] = doc.nash.utilities;
    expect(ua).toBeGreaterThan(doc.reservations[0]);
    expect(ub).toBeGreaterThan(doc.reservations[1]);
    expect(doc.winSet.required).toEqual(
      expect.arrayContaining(["usa", "russia", "ukraine", "eu", "uk", "congress"]),
    );
    expect(doc.winSet.size).toBeGreaterThan(0);
    expect(doc.offers.aToB.length).toBeGreaterThan(0);
    expect(doc.path.length).toBeGreaterThan(0);
    // Packages are described with the scale's labels.
    expect(JSON.stringify(doc.nash.package)).toMatch(/"meaning":"/);
  });

  it("prints a readable table", async () => {
    const r = await entente("deals", "--grid", "5");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Nash bargaining package");
    expect(r.stdout).toContain("What usa can offer russia");
    expect(r.stdout).toContain("Path from the status quo to the frontier");
  });

  it("reproduces England–Zimbabwe's Nash and Kalai–Smorodinsky points from Genius files", async () => {
    const r = await entente(
      "deals",
      "--genius",
      ez("EnglandZimbabwe_domain.xml"),
      ez("England.xml"),
      ez("Zimbabwe.xml"),
      "-f",
      "json",
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    // deal-space.md §5.1: 576 outcomes, 25 frontier points, Nash (0.910916, 0.733218), KS (0.822286, 0.786570).
    expect(doc.packages).toBe(576);
    expect(doc.frontierPoints).toBe(25);
    expect(doc.nash.utilities[0]).toBeCloseTo(0.910916, 5);
    expect(doc.nash.utilities[1]).toBeCloseTo(0.733218, 5);
    expect(doc.kalaiSmorodinsky.utilities[0]).toBeCloseTo(0.822286, 5);
    expect(doc.kalaiSmorodinsky.utilities[1]).toBeCloseTo(0.78657, 5);
  });

  it.each([
    [["--between", "usa,nobody"], "--between expects two different parties"],
    [["--between", "usa,usa"], "--between expects two different parties"],
    [["--grid", "1"], 'parameter "gridPoints"'],
    [["-p", "ks=odd"], "expected one of textbook, negmas, genius"],
    [["--limit", "0"], "--limit: expected a whole number ≥ 1"],
    [
      [new URL("../../../../test/fixtures/valid/one-actor.yaml", import.meta.url).pathname],
      "a deal needs two parties",
    ],
  ])("exits 2 on %j", async (args, message) => {
    const r = await entente("deals", ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
