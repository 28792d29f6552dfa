import { Command, Option } from "@commander-js/extra-typings";
import { dealAnalysis, dealOptions, resolveParams } from "@entente/core";
import { dealParties, dealsDocument, scenarioDealGrid } from "../../deals/deals-document.ts";
import { dealsTable } from "../../format/deals.ts";
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
      let input: Parameters<typeof dealsDocument>[0];
      try {
        if (options.genius) {
          if (options.ratify) {
            throw new CliError(
              "--ratify needs a scenario with ratifiers, not Genius files",
              EXIT.invalidInput,
            );
          }
          const genius = await readGeniusFiles(options.genius, {
            duplicates: resolved.geniusDuplicates,
          });
          const ids = genius.utilities.map((u) => u.id);
          input = {
            space: genius.space,
            utilities: genius.utilities,
            parties: dealParties(
              options.between?.split(",").map((s) => s.trim()),
              ids,
              undefined,
            ),
            options: resolved,
            limit,
            source: options.genius.join(", "),
            notes: genius.notes,
          };
        } else {
          const { scenario, data } = await readScenario(file ?? shippedScenario());
          const built = scenarioDealGrid(data, resolved, {
            ratify: options.ratify === true,
            gridChosen: options.grid !== undefined,
            gridOption: "--grid",
          });
          const ids = built.utilities.map((u) => u.id);
          input = {
            space: built.space,
            utilities: built.utilities,
            parties: dealParties(
              options.between?.split(",").map((s) => s.trim()),
              ids,
              scenario,
            ),
            options: resolved,
            limit,
            source: `${scenario.title} [${scenario.id}]`,
            scenario,
            data,
            ratifiers: options.ratify ? built.ratifiers : undefined,
            grid: built.grid,
            gridNote: built.gridNote,
            notes,
          };
        }
        const doc = dealsDocument(input);
        io.stdout(
          options.format === "json"
            ? `${JSON.stringify(doc, null, 2)}\n`
            : dealsTable(doc, "scenario" in input ? input.scenario : undefined),
        );
      } catch (e) {
        if (e instanceof RangeError) {
          const message = e.message.startsWith("expected two different parties")
            ? `--between ${e.message.replace(/^expected/, "expects")}`
            : e.message;
          throw new CliError(message, EXIT.invalidInput);
        }
        throw e;
      }
    });
}
