/**
 * `entente import`: read a KTAB CSV, KTAB XML or EUM table, detect which when not told, and turn
 * it into a validated Entente scenario, written as YAML.
 * @module
 */
import { readFile, stat } from "node:fs/promises";
import { type Scenario, validateScenario } from "@entente/core";
import { Document, isMap, isScalar, isSeq, visit } from "yaml";
import { decodeText, MAX_SCENARIO_BYTES } from "../decode-text.ts";
import { type Diagnostic, InputError } from "../diagnostic.ts";
import { describeFsError } from "../read-input-file.ts";
import { baseName, type ImportedTable, type ImportFormat, toScenario } from "./common.ts";
import { looksLikeDecide, readDecide } from "./decide.ts";
import { type EumTableOptions, looksLikeEumTable, readEumTable } from "./eum-table.ts";
import { readKtabCsv } from "./ktab-csv.ts";
import { readKtabXml } from "./ktab-xml.ts";

const IMPORT_FILE = "a KTAB CSV or XML file, an EUM table or a decide exchange-model file";

export interface ImportOptions extends EumTableOptions {
  /** The input's format; detected from the name and contents when absent. */
  from?: ImportFormat | undefined;
  /** The scenario's `asOf` date (YYYY-MM-DD); default today (UTC). */
  asOf?: string | undefined;
}

export interface ImportResult {
  format: ImportFormat;
  scenario: Scenario;
}

const at1 = (file: string, path: string, message: string): InputError =>
  new InputError([{ file, line: 1, col: 1, path, message }]);

/**
 * Which format a file is in, from its name and its text: XML by a leading `<` or `.xml`; an EUM
 * table by a header of known column names; a KTAB CSV by a first line whose third and fourth
 * fields are whole numbers (numActors, numDims). Throws InputError when it cannot tell.
 */
export function detectFormat(text: string, file: string): ImportFormat {
  const ext = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase() ?? "";
  if (["yaml", "yml", "json"].includes(ext)) {
    throw at1(
      file,
      "(file)",
      "this is already a scenario file (YAML or JSON); check it with `entente validate`",
    );
  }
  if (/<(negotiation_template|utility_space)\b/.test(text.slice(0, 4096))) {
    throw at1(
      file,
      "(file)",
      "this is a Genius negotiation domain or profile: its issues have discrete options with a utility " +
        "per option, which a scenario's continuous scales cannot hold faithfully; analyse it with " +
        "`entente deals --genius <domain.xml> <profile.xml…>`",
    );
  }
  if (text.trimStart().startsWith("<") || ext === "xml") return "ktab-xml";
  if (looksLikeDecide(text)) return "decide";
  if (looksLikeEumTable(text)) return "eum-table";
  const first = (/^[^\r\n]*/.exec(text)?.[0] ?? "").split(",").map((c) => c.trim());
  const whole = (s: string | undefined) => s !== undefined && /^\d+$/.test(s);
  if (first.length >= 4 && whole(first[2]) && whole(first[3])) return "ktab-csv";
  throw at1(
    file,
    "(file)",
    "cannot tell the format: expected a KTAB CSV (line 1: scenarioName, description, numActors, numDims), " +
      "a KTAB XML <Scenario>, an EUM table with a header naming Actor, Capability, Position and Salience, " +
      "or a decide exchange-model file ('#A', '#P', '#M' and '#D' lines); " +
      "name the format with --from ktab-csv, --from ktab-xml, --from eum-table or --from decide",
  );
}

/** Convert file contents. Never writes anything; throws InputError with every problem found. */
export function importText(
  bytes: Uint8Array,
  file: string,
  options: ImportOptions = {},
): ImportResult {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    throw at1(file, "(file)", "UTF-16 text (a UTF-16 byte-order mark); save the file as UTF-8");
  }
  const decoded = decodeText(bytes, file);
  if ("diagnostic" in decoded) {
    const d = decoded.diagnostic;
    throw new InputError([
      {
        ...d,
        message: d.message
          .replace("a YAML or JSON text file", "a CSV, TSV or XML text file")
          .replace("scenario files are limited", "input files are limited"),
      },
    ]);
  }
  const { text } = decoded;
  const format = options.from ?? detectFormat(text, file);
  if (format !== "eum-table") {
    const given = [
      options.scaleMin !== undefined && "--scale-min",
      options.scaleMax !== undefined && "--scale-max",
      options.salienceScale !== undefined && options.salienceScale !== "auto" && "--salience-scale",
    ].filter(Boolean);
    if (given.length > 0) {
      throw at1(
        file,
        "(options)",
        `${given.join(" and ")} ${given.length === 1 ? "applies" : "apply"} to EUM tables only; ${format === "decide" ? "a decide file gives its scales ('#M') and saliences on 0-1" : "KTAB files are on KTAB's 0-100 scale"}`,
      );
    }
  }
  let table: ImportedTable;
  if (format === "ktab-csv") table = readKtabCsv(text, file);
  else if (format === "ktab-xml") table = readKtabXml(text, file);
  else if (format === "decide") table = readDecide(text, file);
  else table = readEumTable(text, file, options);

  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  if (options.asOf === undefined) {
    table.description.push(
      `The date (asOf) is the day of the import: the ${format === "eum-table" ? "table" : "file"} gives none. Set it to the date the numbers describe.`,
    );
  }
  const input = toScenario(table, file, asOf);
  const result = validateScenario(input);
  if (!result.ok) {
    // The readers check everything the scenario format needs; this is a safety net.
    const diagnostics: Diagnostic[] = result.issues.map((issue) => ({
      file,
      line: 1,
      col: 1,
      path: issue.path.length > 0 ? `(converted).${issue.path.join(".")}` : "(converted)",
      message: issue.message,
    }));
    throw new InputError(diagnostics);
  }
  return { format, scenario: result.scenario };
}

/** Read and convert a file; throws InputError (file missing, unreadable, or bad contents). */
export async function importFile(file: string, options: ImportOptions = {}): Promise<ImportResult> {
  const fail = (message: string): never => {
    throw at1(file, "(file)", message);
  };
  try {
    const info = await stat(file);
    if (!info.isFile()) fail(`not a file; expected ${IMPORT_FILE}`);
    if (info.size > MAX_SCENARIO_BYTES) {
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
      fail(`file is ${mb(info.size)}; input files are limited to ${mb(MAX_SCENARIO_BYTES)}`);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    fail(describeFsError(e, IMPORT_FILE));
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    return fail(describeFsError(e, IMPORT_FILE));
  }
  return importText(bytes, file, options);
}

/**
 * The scenario as YAML: a `yaml-language-server` line pointing at the JSON Schema (`schemaRef`),
 * a line naming the input, then the document with one stance per line.
 */
export function scenarioYaml(
  scenario: Scenario,
  input: { file: string; format: ImportFormat; schemaRef: string },
): string {
  const doc = new Document(scenario);
  // Sourced numbers on one line ({ value: 12, sources: [input] }), and one line per stance.
  visit(doc, {
    Map(_, map) {
      const keys = map.items.map((p) => (isScalar(p.key) ? p.key.value : undefined));
      if (keys.includes("value") && keys.includes("sources")) map.flow = true;
    },
  });
  const stances = doc.get("stances", true);
  if (isSeq(stances)) {
    for (const item of stances.items) if (isMap(item)) item.flow = true;
  }
  const body = doc.toString({ lineWidth: 100 });
  const header = [
    `# yaml-language-server: $schema=${input.schemaRef}`,
    `# Imported with \`entente import\` from ${baseName(input.file)} (${input.format}).`,
    "# Check it with `entente validate`; edit titles, labels, the date and status quos as needed.",
  ];
  return `${header.join("\n")}\n${body}`;
}
