import { Command, Option } from "@commander-js/extra-typings";
import {
  type AdditiveUtility,
  analyseDeals,
  dealAnalysis,
  dealOptions,
  type OutcomeSpace,
  packagePath,
  resolveParams,
  type Scenario,
  scenarioDealSpace,
  whatCanAOfferB,
  winSet,
} from "@entente/core";
import {
  type DealsDocument,
  dealsTable,
  describeConcession,
  describeLogroll,
  describePackage,
  describePath,
  describePoint,
} from "../../format/deals.ts";
import { readGeniusFiles } from "../../io/genius/read-genius.ts";
import { readScenario } from "../../io/read-scenario.ts";
import { shippedScenario } from "../default-scenario.ts";
import { CliError, type CliIO, EXIT } from "../io.ts";

/** `entente deals [scenario]`: the multi-issue deal space between two actors. */
export function dealsCommand(io: CliIO) {
  return new Command("deals")
    .description(
      "package deals between two actors: Pareto frontier, Nash and Kalai–Smorodinsky packages, win-set under ratification, and what each can offer the other",
    )
    .argument("[scenario]", "scenario file; default: the built-in Budapest 2025")
    .option("--between <a,b>", "the two actors (ids); default: the two with the most capability")
    .option(
      "--ratify",
      "also compute the win-set: packages every required ratifier prefers to no deal",
    )
    .option("--grid <n>", "points per issue (2–101; default 11, or what fits the win-set)")
    .option(
      "-p, --param <key=value>",
      "deal-space parameter (repeatable): loss, ks, ksUtopia, winSetScope, maxOutcomes, statusQuoOnGrid",
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .option("--limit <n>", "offers and logrolls listed per kind", "5")
    .option(
      "--genius <files...>",
      "analyse Genius XML files (a domain and profiles) instead of a scenario",
    )
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(["table", "json"])
        .default("table"),
    )
    .action(async (file, options) => {
      const params: Record<string, string> = {};
      for (const pair of options.param) {
        const eq = pair.indexOf("=");
        if (eq <= 0)
          throw new CliError(`--param expects key=value, got "${pair}"`, EXIT.invalidInput);
        params[pair.slice(0, eq)] = pair.slice(eq + 1);
      }
      if (options.grid !== undefined) params.gridPoints = options.grid;
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1) {
        throw new CliError(
          `--limit: expected a whole number ≥ 1, got "${options.limit}"`,
          EXIT.invalidInput,
        );
      }
      let resolved: ReturnType<typeof dealOptions>;
      try {
        resolved = dealOptions(resolveParams(dealAnalysis, { params }));
      } catch (e) {
        throw new CliError(
          (e as Error).message.replace('model "deals"', "deals"),
          EXIT.invalidInput,
        );
      }
      const notes: string[] = [];
      let space: OutcomeSpace;
      let utilities: AdditiveUtility[];
      let ratifiers: Int32Array[] | undefined;
      let scenario: Scenario | undefined;
      let source: string;
      let grid: number | undefined;
      let gridNote: string | undefined;
      if (options.genius) {
        const genius = await readGeniusFiles(options.genius, {
          duplicates: resolved.geniusDuplicates,
        });
        ({ space, utilities } = genius);
        notes.push(...genius.notes);
        source = options.genius.join(", ");
        if (options.ratify)
          throw new CliError(
            "--ratify needs a scenario with ratifiers, not Genius files",
            EXIT.invalidInput,
          );
      } else {
        const loaded = await readScenario(file ?? shippedScenario());
        scenario = loaded.scenario;
        source = `${scenario.title} [${scenario.id}]`;
        grid = resolved.gridPoints;
        const build = (points: number) =>
          scenarioDealSpace(loaded.data, {
            grid: points,
            loss: resolved.loss,
            statusQuoOnGrid: resolved.statusQuoOnGrid,
          });
        let built = build(grid);
        if (
          options.ratify &&
          options.grid === undefined &&
          built.space.size > resolved.maxOutcomes
        ) {
          // The win-set enumerates every package: use the finest grid with round steps that fits
          // (10, 12.5, 20, 25, 50 % of the scale).
          for (const g of [11, 9, 6, 5, 3].filter((x) => x < (grid as number))) {
            built = build(g);
            if (built.space.size <= resolved.maxOutcomes) {
              gridNote = `reduced from ${grid} so that the win-set can enumerate every package; --grid to choose`;
              grid = g;
              break;
            }
          }
        }
        ({ space, utilities, ratifiers } = built);
      }
      const ids = utilities.map((x) => x.id);
      const [ia, ib] = pickParties(options.between, ids, scenario);
      const a = utilities[ia] as AdditiveUtility;
      const b = utilities[ib] as AdditiveUtility;
      try {
        const analysis = analyseDeals(space, [a, b], {
          ks: resolved.ks,
          ksUtopia: resolved.ksUtopia,
          maxOutcomes: resolved.maxOutcomes,
        });
        const hasStatusQuo = analysis.statusQuo !== undefined;
        const ab = hasStatusQuo
          ? whatCanAOfferB(space, a, b, { limit })
          : { concessions: [], logrolls: [] };
        const ba = hasStatusQuo
          ? whatCanAOfferB(space, b, a, { limit })
          : { concessions: [], logrolls: [] };
        if (!hasStatusQuo) notes.push("no status-quo package, so no offers or path from it");
        const path = hasStatusQuo
          ? packagePath(space, a, b, { maxOutcomes: resolved.maxOutcomes })
          : undefined;
        const doc: DealsDocument = {
          source,
          parties: [a.id, b.id],
          grid,
          ...(gridNote ? { gridNote } : {}),
          packages: space.size,
          frontierPoints: analysis.frontierPoints,
          rationalPackages: analysis.rationalOutcomes,
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
        if (options.ratify && ratifiers) {
          const w = winSet(space, utilities, ratifiers, {
            scope: resolved.winSetScope,
            alsoRequired: [ia, ib],
            maxOutcomes: resolved.maxOutcomes,
          });
          const robust = w.robust;
          doc.winSet = {
            required: Array.from(w.required, (p) => ids[p] as string),
            size: w.size,
            ...(robust && w.size > 0
              ? {
                  robust: {
                    package: describePackage(space, robust.outcome, scenario),
                    minSlack: robust.minSlack,
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
        io.stdout(
          options.format === "json" ? `${JSON.stringify(doc, null, 2)}\n` : dealsTable(doc),
        );
      } catch (e) {
        if (e instanceof RangeError) throw new CliError(e.message, EXIT.invalidInput);
        throw e;
      }
    });
}

/** The two parties: `--between a,b`, or the two actors with the most capability. */
function pickParties(
  between: string | undefined,
  ids: string[],
  scenario: Scenario | undefined,
): [number, number] {
  if (between !== undefined) {
    const names = between.split(",").map((s) => s.trim());
    const idx = names.map((n) => ids.indexOf(n));
    if (names.length !== 2 || idx.some((i) => i < 0) || idx[0] === idx[1]) {
      throw new CliError(
        `--between expects two different parties, one of ${ids.join(", ")}; got "${between}"`,
        EXIT.invalidInput,
      );
    }
    return [idx[0] as number, idx[1] as number];
  }
  if (!scenario) return [0, 1];
  const order = scenario.actors
    .map((actor, i) => ({
      i,
      c:
        typeof actor.capability === "number"
          ? actor.capability
          : Array.isArray(actor.capability)
            ? 0
            : actor.capability.value,
    }))
    .sort((x, y) => y.c - x.c);
  return [order[0]?.i ?? 0, order[1]?.i ?? 1];
}
