import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { type AdditiveUtility, geniusWebDealSpace, type OutcomeSpace } from "@entente/core";
import { decodeText, MAX_SCENARIO_BYTES } from "../decode-text.ts";
import { byPosition, type Diagnostic, InputError } from "../diagnostic.ts";
import { type LocatedDocument, parseLocated } from "../parse-document.ts";

/** A GeniusWeb file's text parsed with positions, or the problems that stopped it. */
export function parseGeniusWebJson(
  bytes: Uint8Array,
  file: string,
): { document: LocatedDocument } | { diagnostics: Diagnostic[] } {
  const decoded = decodeText(bytes, file);
  if ("diagnostic" in decoded) {
    const d = decoded.diagnostic;
    return { diagnostics: [{ ...d, message: d.message.replace("a YAML or JSON", "a JSON") }] };
  }
  const parsed = parseLocated(decoded.text, file.endsWith(".json") ? file : `${file}.json`);
  if ("diagnostics" in parsed) {
    return { diagnostics: parsed.diagnostics.map((d) => ({ ...d, file })) };
  }
  return parsed;
}

/**
 * Convert parsed GeniusWeb documents to a deal space, locating every problem at `file:line:col`.
 * Parties are named by the profile's `name` field, else by the file name without `.json`.
 */
export function geniusWebFromParsed(
  domain: { file: string; document: LocatedDocument } | undefined,
  profiles: ReadonlyArray<{ file: string; document: LocatedDocument }>,
):
  | { space: OutcomeSpace; utilities: AdditiveUtility[]; notes: string[] }
  | { diagnostics: Diagnostic[] } {
  const result = geniusWebDealSpace(
    domain?.document.value,
    profiles.map((p) => ({
      name: basename(p.file).replace(/\.json$/i, ""),
      json: p.document.value,
    })),
  );
  if (!("problems" in result)) return result;
  const diagnostics = result.problems.map((p): Diagnostic => {
    const source = p.source === "domain" ? domain : profiles[p.source];
    const file = source?.file ?? "(input)";
    const where = source ? source.document.locate(p.path, p.at ?? "value") : { line: 1, col: 1 };
    return {
      file,
      ...where,
      path: p.path.length > 0 ? p.path.join(".") : "(document)",
      message: p.message,
    };
  });
  return {
    diagnostics: diagnostics.sort((a, b) => a.file.localeCompare(b.file) || byPosition(a, b)),
  };
}

/**
 * Read GeniusWeb JSON files: an optional domain and one `LinearAdditiveUtilitySpace` profile per
 * party. Throws {@link InputError} with every problem found in every file.
 */
export async function readGeniusWebScenario(files: {
  domain?: string;
  profiles: readonly string[];
}): Promise<{ space: OutcomeSpace; utilities: AdditiveUtility[]; notes: string[] }> {
  const all = [...(files.domain ? [files.domain] : []), ...files.profiles];
  const parsed = await Promise.all(all.map(readOne));
  const diagnostics = parsed.flatMap((p) => ("diagnostics" in p ? p.diagnostics : []));
  if (diagnostics.length > 0) throw new InputError(diagnostics);
  const docs = parsed.map((p, i) => ({
    file: all[i] as string,
    document: (p as { document: LocatedDocument }).document,
  }));
  const result = geniusWebFromParsed(
    files.domain ? docs[0] : undefined,
    files.domain ? docs.slice(1) : docs,
  );
  if ("diagnostics" in result) throw new InputError(result.diagnostics);
  return result;
}

async function readOne(
  file: string,
): Promise<{ document: LocatedDocument } | { diagnostics: Diagnostic[] }> {
  const fail = (message: string) => ({
    diagnostics: [{ file, line: 1, col: 1, path: "(file)", message }],
  });
  try {
    const info = await stat(file);
    if (!info.isFile()) return fail("not a file; expected a GeniusWeb JSON file");
    if (info.size > MAX_SCENARIO_BYTES) {
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
      return fail(`file is ${mb(info.size)}; files are limited to ${mb(MAX_SCENARIO_BYTES)}`);
    }
    return parseGeniusWebJson(await readFile(file), file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ENOENT") return fail("no such file");
    if (code === "EACCES") return fail("permission denied");
    return fail(`cannot read: ${(e as Error).message}`);
  }
}
