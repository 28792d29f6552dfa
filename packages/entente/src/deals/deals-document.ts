import {
  type AdditiveUtility,
  analyseDeals,
  centralValue,
  type DealOptions,
  decodeOutcome,
  expectedTrades,
  type OutcomeSpace,
  packagePath,
  type Scenario,
  type ScenarioData,
  scenarioDealSpace,
  utilityOf,
  whatCanAOfferB,
  winSet,
} from "@entente/core";
import {
  type DealsDocument,
  describeConcession,
  describeLogroll,
  describePackage,
  describePath,
  describePoint,
} from "../format/deals.ts";

/** Grids with round steps (10, 12.5, 20, 25, 50 % of the scale), finest first. */
const ROUND_GRIDS = [11, 9, 6, 5, 3];

/**
 * A scenario's deal space on `options.gridPoints` per issue. For a win-set, which enumerates
 * every package, a grid the caller did not choose is reduced to the finest round grid that fits
 * in `options.maxOutcomes`, with a note saying so (naming the caller's grid option).
 */
export function scenarioDealGrid(
  data: ScenarioData,
  options: DealOptions,
  fit: { ratify: boolean; gridChosen: boolean; gridOption: string },
) {
  const build = (points: number) =>
    scenarioDealSpace(data, {
      grid: points,
      loss: options.loss,
      statusQuoOnGrid: options.statusQuoOnGrid,
    });
  let grid = options.gridPoints;
  let built = build(grid);
  let gridNote: string | undefined;
  if (fit.ratify && !fit.gridChosen && built.space.size > options.maxOutcomes) {
    for (const g of ROUND_GRIDS.filter((x) => x < grid)) {
      built = build(g);
      if (built.space.size <= options.maxOutcomes) {
        gridNote = `reduced from ${grid} so that the win-set can enumerate every package; ${fit.gridOption} to choose`;
        grid = g;
        break;
      }
    }
  }
  return { ...built, grid, gridNote };
}

/**
 * The two negotiating parties: the ids given (exactly two, different), or the scenario's two
 * actors with the most capability (central values). Throws RangeError naming what is allowed.
 */
export function dealParties(
  between: readonly string[] | undefined,
  ids: readonly string[],
  scenario: Scenario | undefined,
): [number, number] {
  if (ids.length < 2) {
    throw new RangeError(
      `a deal needs two parties; there ${ids.length === 1 ? "is only one" : "are none"}`,
    );
  }
  if (between !== undefined) {
    const idx = between.map((n) => ids.indexOf(n));
    if (between.length !== 2 || idx.some((i) => i < 0) || idx[0] === idx[1]) {
      throw new RangeError(
        `expected two different parties, each one of ${ids.join(", ")}; got ${JSON.stringify(between.join(","))}`,
      );
    }
    return [idx[0] as number, idx[1] as number];
  }
  if (!scenario) return [0, 1];
  const order = scenario.actors
    .map((actor, i) => ({ i, c: centralValue(actor.capability) }))
    .sort((x, y) => y.c - x.c);
  return [order[0]?.i ?? 0, order[1]?.i ?? 1];
}

/**
 * The deal-space document of `entente deals` and `POST /api/scenarios/:id/deals`: frontier,
 * Nash, Kalai–Smorodinsky and welfare packages between parties `ia` and `ib`, what each can offer
 * the other, the path from the status quo, and — with `ratifiers` — the win-set.
 */
export function dealsDocument(input: {
  space: OutcomeSpace;
  utilities: AdditiveUtility[];
  parties: [number, number];
  options: DealOptions;
  limit: number;
  source: string;
  scenario?: Scenario | undefined;
  /** The scenario's numbers: with them, the trades the exchange model expects are listed. */
  data?: ScenarioData | undefined;
  ratifiers?: Int32Array[] | undefined;
  grid?: number | undefined;
  gridNote?: string | undefined;
  notes?: string[];
}): DealsDocument {
  const { space, utilities, options, limit, scenario } = input;
  const [ia, ib] = input.parties;
  const a = utilities[ia] as AdditiveUtility;
  const b = utilities[ib] as AdditiveUtility;
  const notes = [...(input.notes ?? [])];
  const analysis = analyseDeals(space, [a, b], {
    ks: options.ks,
    ksUtopia: options.ksUtopia,
    maxOutcomes: options.maxOutcomes,
  });
  const hasStatusQuo = analysis.statusQuo !== undefined;
  const none = { concessions: [], logrolls: [] };
  const ab = hasStatusQuo ? whatCanAOfferB(space, a, b, { limit }) : none;
  const ba = hasStatusQuo ? whatCanAOfferB(space, b, a, { limit }) : none;
  if (!hasStatusQuo) notes.push("no status-quo package, so no offers or path from it");
  const path = hasStatusQuo
    ? packagePath(space, a, b, { maxOutcomes: options.maxOutcomes })
    : undefined;
  const doc: DealsDocument = {
    source: input.source,
    parties: [a.id, b.id],
    grid: input.grid,
    ...(input.gridNote ? { gridNote: input.gridNote } : {}),
    packages: space.size,
    frontierPoints: analysis.frontierPoints,
    frontier: thin(
      Array.from(
        analysis.frontier.outcomes,
        (_, j) =>
          [analysis.frontier.utilities[0]?.[j] ?? 0, analysis.frontier.utilities[1]?.[j] ?? 0] as [
            number,
            number,
          ],
      ),
      400,
    ),
    rationalPackages: analysis.rationalOutcomes,
    hasStatusQuo,
    reservations: [a.reservation, b.reservation],
    nash: describePoint(space, analysis.nash, scenario),
    kalaiSmorodinsky: describePoint(space, analysis.kalaiSmorodinsky, scenario),
    maxWelfare: describePoint(space, analysis.maxWelfare, scenario),
    offers: {
      aToB: ab.concessions.map((c) => describeConcession(c, scenario)),
      bToA: ba.concessions.map((c) => describeConcession(c, scenario)),
      logrolls: ab.logrolls.map((l) => describeLogroll(l, scenario)),
    },
    path: path ? describePath(path) : [],
    notes,
  };
  // The exchange model's own account of what A and B trade (both ways), beside the others'.
  const all = input.data ? expectedTrades(input.data) : undefined;
  if (all) {
    const pair = new Set([a.id, b.id]);
    doc.trades = {
      between: all.filter((e) => pair.has(e.i) && pair.has(e.j)),
      others: all.filter((e) => !(pair.has(e.i) && pair.has(e.j))).length,
    };
  }
  if (input.ratifiers) {
    const ids = utilities.map((u) => u.id);
    const w = winSet(space, utilities, input.ratifiers, {
      scope: options.winSetScope,
      alsoRequired: [ia, ib],
      maxOutcomes: options.maxOutcomes,
    });
    const robust = w.robust;
    doc.winSet = {
      required: Array.from(w.required, (p) => ids[p] as string),
      size: w.size,
      vetoes: Array.from(w.required, (p, k) => ({
        party: ids[p] as string,
        rejects: w.rejects[k] as number,
        soleVetoes: w.soleVetoes[k] as number,
      })),
      points: thin(distinct(Array.from(w.packages, (o) => utilitiesOf(space, a, b, o))), 2000),
      ...(robust && w.size > 0
        ? {
            robust: {
              package: describePackage(space, robust.outcome, scenario),
              utilities: utilitiesOf(space, a, b, robust.outcome),
              minSlack: robust.minSlack,
              slacks: robust.slacks.map((x) => ({ party: ids[x.party] as string, slack: x.slack })),
            },
          }
        : {}),
      ...(robust && w.size === 0
        ? {
            nearest: {
              package: describePackage(space, robust.outcome, scenario),
              minSlack: robust.minSlack,
              binding: robust.binding.map((x) => ({
                party: ids[x.party] as string,
                shortfall: x.shortfall,
              })),
            },
          }
        : {}),
    };
  }
  return doc;
}

/** At most `n` of `points`, evenly spaced in their order (the first and last kept). */
function thin<T>(points: T[], n: number): T[] {
  if (points.length <= n) return points;
  return Array.from(
    { length: n },
    (_, i) => points[Math.round((i * (points.length - 1)) / (n - 1))] as T,
  );
}

/** Utility pairs rounded to 0.001, each once, in the order first met. */
function distinct(points: number[][]): Array<[number, number]> {
  const seen = new Set<string>();
  const out: Array<[number, number]> = [];
  for (const [x = 0, y = 0] of points) {
    const p: [number, number] = [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000];
    const key = `${p[0]},${p[1]}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(p);
    }
  }
  return out;
}

/** The two parties' utilities of package `outcome`. */
function utilitiesOf(
  space: OutcomeSpace,
  a: AdditiveUtility,
  b: AdditiveUtility,
  outcome: number,
): [number, number] {
  const options = decodeOutcome(space, outcome);
  return [utilityOf(a, options), utilityOf(b, options)];
}
