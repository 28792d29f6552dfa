// The published deal-space vectors (docs/research/deal-space.md §5), reproduced end to end: Genius
// XML → importer → deal engine. Fixtures and expected values: test/fixtures/negotiation-domains/.
import {
  type AdditiveUtility,
  analyseDeals,
  assessOutcome,
  describeOutcome,
  encodeOutcome,
  evaluateOutcomes,
  frontierOf,
  frontierPoints,
  kalaiSmorodinskyPoint,
  nashPoint,
  type OutcomeSpace,
  paretoOutcomes,
} from "@entente/core";
import { describe, expect, it } from "vitest";
import expected from "../../../../../test/fixtures/negotiation-domains/expected.json" with {
  type: "json",
};
import { readGeniusScenario } from "./read-genius.ts";

const root = new URL("../../../../../test/fixtures/negotiation-domains/", import.meta.url);
const fixture = (path: string) => new URL(path, root).pathname;
const TOL = expected.tolerance;

function load(v: { domain: string; profiles: string[] }, duplicates: "last" | "first" = "last") {
  return readGeniusScenario(
    { domain: fixture(v.domain), profiles: v.profiles.map(fixture) },
    { duplicates },
  );
}

function expectClose(actual: readonly number[] | undefined, wanted: readonly number[], tol = TOL) {
  expect(actual).toBeDefined();
  expect(actual).toHaveLength(wanted.length);
  wanted.forEach((w, i) => {
    expect(Math.abs((actual?.[i] as number) - w)).toBeLessThanOrEqual(tol);
  });
}

const labels = (space: OutcomeSpace, outcome: number) =>
  describeOutcome(space, outcome).map((p) => p.label);

const packageIndex = (space: OutcomeSpace, wanted: string[]) =>
  encodeOutcome(
    space,
    wanted.map((label, k) => space.issues[k]?.labels.indexOf(label) ?? -1),
  );

const reservations = (us: readonly AdditiveUtility[]) => us.map((u) => u.reservation);

describe("England–Zimbabwe (§5.1)", async () => {
  const v = expected.englandZimbabwe;
  const { space, utilities } = await load(v);
  const analysis = analyseDeals(space, utilities);

  it("has 576 outcomes and 25 frontier points matching the published table", () => {
    expect(space.size).toBe(v.outcomes);
    expect(analysis.frontier.outcomes).toHaveLength(v.frontier);
    expect(analysis.frontierPoints).toBe(v.frontier);
    const [a, b] = analysis.frontier.utilities as [Float64Array, Float64Array];
    v.frontierTable.utilities.forEach(([x, y], j) => {
      expectClose(
        [a[j] as number, b[j] as number],
        [x as number, y as number],
        v.frontierTable.tolerance,
      );
    });
  });

  it("reproduces Nash = max welfare, KS (all three conventions), opposition and ranges", () => {
    expectClose(analysis.nash?.utilities, v.nash);
    expect(labels(space, analysis.nash?.outcome as number)).toEqual(v.nashPackage);
    expect(Math.abs((analysis.maxWelfare?.score as number) - v.maxWelfare)).toBeLessThanOrEqual(
      TOL,
    );
    expect(analysis.maxWelfare?.outcome).toBe(analysis.nash?.outcome);
    expectClose(analysis.kalaiSmorodinsky?.utilities, v.kalaiSmorodinsky);
    expect(labels(space, analysis.kalaiSmorodinsky?.outcome as number)).toEqual(v.ksPackage);
    const f = analysis.frontier.utilities;
    const r = reservations(utilities);
    for (const convention of ["negmas", "genius"] as const) {
      const ks = kalaiSmorodinskyPoint(f, r, { convention, ranges: analysis.ranges });
      expectClose(ks?.utilities, v.kalaiSmorodinsky);
    }
    expect(Math.abs((analysis.opposition as number) - v.opposition)).toBeLessThanOrEqual(TOL);
    expectClose(Array.from(analysis.ranges.min), v.rangesMin);
    expectClose(Array.from(analysis.ranges.max), v.rangesMax);
  });

  it.each(v.distances.cases)("distance vector for $utilities", (c) => {
    const a = assessOutcome(space, utilities, analysis, packageIndex(space, c.package));
    expectClose(a.utilities, c.utilities);
    expect(Math.abs(a.distanceToFrontier - c.distanceToFrontier)).toBeLessThanOrEqual(TOL);
    expect(Math.abs((a.distanceToNash as number) - c.distanceToNash)).toBeLessThanOrEqual(TOL);
    expect(Math.abs(a.welfare - c.welfare)).toBeLessThanOrEqual(TOL);
  });
});

describe("England10/Zimbabwe10 — a narrow zone of agreement (§5.1)", async () => {
  const v = expected.englandZimbabwe10;
  const { space, utilities } = await load(v);
  const analysis = analyseDeals(space, utilities);
  const f = analysis.frontier.utilities;
  const r = reservations(utilities);

  it("reads the reservation values and finds 24 rational outcomes, 24 frontier points", () => {
    expectClose(r, v.reservations, 0);
    expect(analysis.rationalOutcomes).toBe(v.rationalOutcomes);
    expect(analysis.frontier.outcomes).toHaveLength(v.frontier);
  });

  it("moves Nash to Zimbabwe's ideal and separates the KS conventions", () => {
    expectClose(analysis.nash?.utilities, v.nash);
    expectClose(analysis.kalaiSmorodinsky?.utilities, v.ksTextbook);
    const ks = (convention: "negmas" | "genius") =>
      kalaiSmorodinskyPoint(f, r, { convention, ranges: analysis.ranges })?.utilities;
    expectClose(ks("negmas"), v.ksNegmas);
    const genius = ks("genius") as number[];
    expectClose(genius, v.ksGenius);
    expect(genius[1]).toBeLessThan(r[1] as number); // Genius-KS lies outside the ZOPA
    expectClose(
      kalaiSmorodinskyPoint(f, r, { utopia: "rational" })?.utilities,
      v.ksTextbookRationalUtopia.value,
    );
  });
});

describe("England vs Zimbabwe ANAC 2012 A (§5.1)", async () => {
  const v = expected.englandZimbabwe2012A;
  const { space, utilities } = await load(v);
  const analysis = analyseDeals(space, utilities);

  it("has 51.74 % rational outcomes and the same Nash and KS", () => {
    expectClose(reservations(utilities), v.reservations, 0);
    expect(
      Math.abs((analysis.rationalOutcomes as number) / space.size - v.rationalFraction),
    ).toBeLessThan(5e-5);
    expect(analysis.frontier.outcomes).toHaveLength(v.frontier);
    expectClose(analysis.nash?.utilities, v.nash);
    expectClose(analysis.kalaiSmorodinsky?.utilities, v.kalaiSmorodinsky);
  });
});

describe("Itex vs Cypress (§5.2)", async () => {
  const v = expected.itexCypress;
  const { space, utilities } = await load(v);
  const analysis = analyseDeals(space, utilities);

  it("has 18 frontier points matching the table, Nash = KS = max welfare", () => {
    expect(space.size).toBe(v.outcomes);
    expect(analysis.frontier.outcomes).toHaveLength(v.frontier);
    const [a, b] = analysis.frontier.utilities as [Float64Array, Float64Array];
    v.frontierTable.utilities.forEach(([x, y], j) => {
      expectClose(
        [a[j] as number, b[j] as number],
        [x as number, y as number],
        v.frontierTable.tolerance,
      );
    });
    expectClose(analysis.nash?.utilities, v.nash);
    expect(labels(space, analysis.nash?.outcome as number)).toEqual(v.nashPackage);
    expect(analysis.kalaiSmorodinsky?.outcome).toBe(analysis.nash?.outcome);
    expect(analysis.maxWelfare?.outcome).toBe(analysis.nash?.outcome);
    expect(Math.abs((analysis.opposition as number) - v.opposition)).toBeLessThanOrEqual(TOL);
  });
});

describe("Politics, three parties (§5.4)", async () => {
  const v = expected.politics;
  const { space, utilities } = await load(v);
  const analysis = analyseDeals(space, utilities);

  it("has 124 frontier points; Nash = max welfare; KS differs only in the army", () => {
    expect(space.size).toBe(v.outcomes);
    expect(analysis.frontier.outcomes).toHaveLength(v.frontier);
    expect(analysis.frontierPoints).toBe(v.frontier);
    expectClose(analysis.nash?.utilities, v.nash);
    expect(labels(space, analysis.nash?.outcome as number)).toEqual(v.nashPackage);
    expect(analysis.maxWelfare?.outcome).toBe(analysis.nash?.outcome);
    expectClose(analysis.kalaiSmorodinsky?.utilities, v.kalaiSmorodinsky);
    const ks = labels(space, analysis.kalaiSmorodinsky?.outcome as number);
    const k = space.issues.findIndex((i) => i.id === v.ksPackageDiffersFromNashOnlyIn.issue);
    expect(ks).toEqual(
      v.nashPackage.map((l, i) => (i === k ? v.ksPackageDiffersFromNashOnlyIn.option : l)),
    );
    expect(Math.abs((analysis.opposition as number) - v.opposition)).toBeLessThanOrEqual(TOL);
  });

  it("the full enumeration and the per-issue pruned search give the same frontier", () => {
    const full = frontierOf(evaluateOutcomes(space, utilities));
    expect(Array.from(full.outcomes)).toEqual(Array.from(analysis.frontier.outcomes));
  });

  it("with the uncertainty variants only one outcome is acceptable to all three", async () => {
    const u = expected.politicsUncertain;
    const s = await load(u);
    expectClose(reservations(s.utilities), u.reservations, 0);
    const a = analyseDeals(s.space, s.utilities);
    expect(a.rationalOutcomes).toBe(u.rationalOutcomes);
    expectClose(a.nash?.utilities, u.rationalPoint, u.rationalPointTolerance);
  });
});

describe("AMPO vs City, 1.94 M outcomes (§5.3)", async () => {
  const v = expected.ampoCity;
  const last = await load(v, "last");

  it("exhaustive sort-and-sweep: 192 distinct frontier points (283 outcomes), last occurrence", () => {
    const { space, utilities } = last;
    expect(space.size).toBe(v.outcomes);
    const all = evaluateOutcomes(space, utilities);
    const full = frontierOf(all);
    expect(full.outcomes).toHaveLength(v.last.frontierOutcomes.value);
    expect(frontierPoints(full).first).toHaveLength(v.last.frontierPoints);
    const pruned = paretoOutcomes(space, utilities);
    expect(Array.from(pruned.outcomes)).toEqual(Array.from(full.outcomes));
    const nash = nashPoint(full.utilities, [0, 0]);
    expectClose(nash?.utilities, v.nash);
    expect(labels(space, full.outcomes[nash?.at as number] as number)).toEqual(v.nashPackage);
  });

  it("textbook KS (maximin) differs from Nash only in the sergeants", () => {
    const { space, utilities } = last;
    const a = analyseDeals(space, utilities, { countRational: false });
    expect(a.rationalOutcomes).toBeUndefined(); // no pass over the 1.94 M packages …
    expect(a.frontierPoints).toBe(v.last.frontierPoints); // … the frontier needs no enumeration
    expectClose(a.kalaiSmorodinsky?.utilities, v.kalaiSmorodinsky, 5e-5);
    const k = space.issues.findIndex((i) => i.id === v.ksPackageDiffersFromNashOnlyIn.issue);
    expect(labels(space, a.kalaiSmorodinsky?.outcome as number)).toEqual(
      v.nashPackage.map((l, i) => (i === k ? v.ksPackageDiffersFromNashOnlyIn.option : l)),
    );
  });

  it("first occurrence of the duplicated value: 195 points, same Nash and KS", async () => {
    const first = await load(v, "first");
    expect(first.notes.join("\n")).toMatch(/lists value "0" twice .* kept the first \(0\)/);
    const a = analyseDeals(first.space, first.utilities, { countRational: false });
    expect(a.frontier.outcomes).toHaveLength(v.first.frontierOutcomes.value);
    expect(a.frontierPoints).toBe(v.first.frontierPoints);
    expectClose(a.nash?.utilities, v.nash);
    expectClose(a.kalaiSmorodinsky?.utilities, v.kalaiSmorodinsky, 5e-5);
  });
});
