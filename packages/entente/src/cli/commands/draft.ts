import { basename, dirname, resolve } from "node:path";
import { Command } from "@commander-js/extra-typings";
import { draftId, draftItems, isIsoDate } from "@entente/core";
import { draftArticles } from "../../draft/draft-articles.ts";
import { DraftError } from "../../draft/draft-error.ts";
import { draftYaml } from "../../draft/draft-yaml.ts";
import { providerConfig } from "../../draft/provider-config.ts";
import { readArticles } from "../../draft/read-articles.ts";
import { CliError, type CliIO, EXIT } from "../io.ts";
import { numberOption } from "../number-option.ts";
import { checkOutput, schemaRef, writeOutput } from "../output-file.ts";
import { progressBar } from "../progress.ts";

/** `entente draft <articles…> -o draft.yaml`: draft a scenario from articles with a language model. */
export function draftCommand(io: CliIO) {
  return new Command("draft")
    .description(
      "draft a scenario from articles (plain text, Markdown, HTML) with your own language model; every number must quote its source",
    )
    .argument("<articles...>", "article files, or folders of .txt, .md and .html files")
    .requiredOption("-o, --output <file>", "write the draft scenario (YAML) here")
    .option("--force", "replace the output file if it exists")
    .option("--provider <name>", "the provider kind: openai-compatible (any chat-completions API)")
    .option("--base-url <url>", "the API's base URL (default: $ENTENTE_LLM_BASE_URL)")
    .option("--model <name>", "the model name (default: $ENTENTE_LLM_MODEL)")
    .option(
      "--api-key-env <name>",
      "environment variable holding the API key (default: ENTENTE_LLM_API_KEY; local servers need none)",
    )
    .option("--timeout <seconds>", "seconds to wait for each answer (default: 120)")
    .option(
      "--retries <n>",
      "retries after a timeout, rate limit, server error or malformed answer (default: 3)",
    )
    .option("--id <id>", "the scenario's id (default: from the output file's name)")
    .option("--title <text>", "the scenario's title")
    .option(
      "--as-of <date>",
      "the scenario's date, YYYY-MM-DD (default: the latest article date, else today)",
    )
    .action(async (paths, options) => {
      const provider = providerConfig(
        {
          provider: options.provider,
          baseUrl: options.baseUrl,
          model: options.model,
          apiKeyEnv: options.apiKeyEnv,
          timeout: numberOption("--timeout", options.timeout),
          retries: numberOption("--retries", options.retries),
        },
        process.env,
      );
      if (!provider.ok) throw new CliError(provider.message, EXIT.invalidInput);
      if (options.asOf !== undefined && !isIsoDate(options.asOf)) {
        throw new CliError(
          `--as-of expects a date written YYYY-MM-DD, got "${options.asOf}"`,
          EXIT.invalidInput,
        );
      }
      const output = options.output;
      for (const path of paths) await checkOutput(output, path, options.force === true);
      const articles = await readArticles(paths);
      const id = options.id ?? draftId(basename(output).replace(/\.(ya?ml|json)$/i, ""));
      const title =
        options.title ?? `Draft from ${articles.length} article${articles.length === 1 ? "" : "s"}`;
      const bar = progressBar("draft", "articles");
      let scenario: Awaited<ReturnType<typeof draftArticles>>;
      try {
        scenario = await draftArticles(
          articles,
          provider.config,
          { id, title, asOf: options.asOf },
          {
            onProgress: (p) => bar.update(p.done, p.total, p.note),
          },
        );
      } catch (e) {
        if (e instanceof DraftError)
          throw new CliError(`${e.message}; nothing was written`, e.exitCode);
        throw e;
      } finally {
        bar.stop();
      }
      await writeOutput(
        output,
        draftYaml(scenario, schemaRef(dirname(resolve(output)))),
        options.force === true,
      );
      const kept = draftItems(scenario).length;
      const dropped = scenario.draft?.dropped.length ?? 0;
      io.stdout(
        `${output}: drafted ${scenario.actors.length} actors, ${scenario.issues.length} issues, ${scenario.stances.length} stances from ${articles.length} articles with ${provider.config.model}; ${kept} numbers kept with their quotes, ${dropped} dropped or removed (listed under draft.dropped)\n`,
      );
    });
}
