import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import {
  type GeniusDealSpace,
  type GeniusDuplicates,
  type GeniusUtilitySpace,
  geniusDealSpace,
} from "@entente/core";
import { decodeText, MAX_SCENARIO_BYTES } from "../decode-text.ts";
import { byPosition, type Diagnostic, InputError } from "../diagnostic.ts";
import { parseXml } from "../xml-tree.ts";
import { geniusUtilitySpace } from "./genius-xml.ts";

/**
 * Parse one Genius XML file (domain or profile) from its bytes. Returns the reduced utility space
 * or every problem found, each at `file:line:col`. Never throws for bad input.
 */
export function parseGeniusXml(
  bytes: Uint8Array,
  file: string,
): { space: GeniusUtilitySpace } | { diagnostics: Diagnostic[] } {
  const decoded = decodeText(bytes, file);
  if ("diagnostic" in decoded) {
    const d = decoded.diagnostic;
    return { diagnostics: [{ ...d, message: d.message.replace("a YAML or JSON", "an XML") }] };
  }
  const parsed = parseXml(decoded.text, file, { ignoreLateDeclaration: true });
  if ("diagnostics" in parsed) return parsed;
  return geniusUtilitySpace(parsed.root, file);
}

/**
 * Convert parsed Genius files to a deal space, mapping every conversion problem back to
 * `file:line:col`. `profiles[i].name` names the party (default: the file name without `.xml`).
 */
export function geniusFromParsed(
  domain: { file: string; space: GeniusUtilitySpace } | undefined,
  profiles: ReadonlyArray<{ file: string; space: GeniusUtilitySpace; name?: string }>,
  options: { duplicates?: GeniusDuplicates } = {},
): GeniusDealSpace | { diagnostics: Diagnostic[] } {
  const result = geniusDealSpace(
    domain?.space,
    profiles.map((p) => ({ name: p.name ?? partyName(p.file), space: p.space })),
    options,
  );
  if (!("problems" in result)) return result;
  const diagnostics = result.problems.map((p): Diagnostic => {
    const file =
      p.source === "domain"
        ? (domain?.file ?? "(domain)")
        : (profiles[p.source]?.file ?? "(profile)");
    return { file, line: p.at?.line ?? 1, col: p.at?.col ?? 1, path: p.path, message: p.message };
  });
  return {
    diagnostics: diagnostics.sort((a, b) => a.file.localeCompare(b.file) || byPosition(a, b)),
  };
}

/**
 * Read a Genius scenario: an optional domain file and one profile file per party. Without a
 * domain the first profile's issues define it. Throws {@link InputError} with every problem in
 * every file; parties are named after their profile files.
 */
export async function readGeniusScenario(
  files: { domain?: string; profiles: readonly string[] },
  options: { duplicates?: GeniusDuplicates } = {},
): Promise<GeniusDealSpace & { files: string[] }> {
  const all = [...(files.domain ? [files.domain] : []), ...files.profiles];
  const parsed = await Promise.all(all.map(readOne));
  const diagnostics = parsed.flatMap((p) => ("diagnostics" in p ? p.diagnostics : []));
  if (diagnostics.length > 0) throw new InputError(diagnostics);
  const spaces = parsed.map((p, i) => ({
    file: all[i] as string,
    space: (p as { space: GeniusUtilitySpace }).space,
  }));
  const domain = files.domain ? spaces[0] : undefined;
  const profiles = files.domain ? spaces.slice(1) : spaces;
  const result = geniusFromParsed(domain, profiles, options);
  if ("diagnostics" in result) throw new InputError(result.diagnostics);
  return { ...result, files: all };
}

/**
 * Read a set of Genius files and tell the domain from the profiles: a file whose issues carry no
 * evaluations and that has no weights is the domain (at most one); every other file is a
 * profile. Throws {@link InputError} for unreadable files or more than one domain.
 */
export async function readGeniusFiles(
  files: readonly string[],
  options: { duplicates?: GeniusDuplicates } = {},
): Promise<GeniusDealSpace & { files: string[] }> {
  const parsed = await Promise.all(files.map(readOne));
  const diagnostics = parsed.flatMap((p) => ("diagnostics" in p ? p.diagnostics : []));
  if (diagnostics.length > 0) throw new InputError(diagnostics);
  const spaces = parsed.map((p, i) => ({
    file: files[i] as string,
    space: (p as { space: GeniusUtilitySpace }).space,
  }));
  const isDomain = (s: GeniusUtilitySpace) =>
    s.weights.length === 0 &&
    s.issues.every((i) => i.items.every((it) => it.evaluation === undefined));
  const domains = spaces.filter((s) => isDomain(s.space));
  if (domains.length > 1) {
    throw new InputError(
      domains.slice(1).map((d) => ({
        file: d.file,
        line: 1,
        col: 1,
        path: "(file)",
        message: `a second domain file (no weights or evaluations); the domain is ${domains[0]?.file}`,
      })),
    );
  }
  const profiles = spaces.filter((s) => !isDomain(s.space));
  if (profiles.length === 0) {
    throw new InputError([
      {
        file: files[0] ?? "(none)",
        line: 1,
        col: 1,
        path: "(files)",
        message:
          "no profile among the files; expected at least one <utility_space> with weights and evaluations",
      },
    ]);
  }
  const result = geniusFromParsed(domains[0], profiles, options);
  if ("diagnostics" in result) throw new InputError(result.diagnostics);
  return { ...result, files: [...files] };
}

/** A party's name from its profile file: the base name without `.xml`. */
export function partyName(file: string): string {
  return basename(file).replace(/\.xml$/i, "");
}

async function readOne(
  file: string,
): Promise<{ space: GeniusUtilitySpace } | { diagnostics: Diagnostic[] }> {
  const fail = (message: string) => ({
    diagnostics: [{ file, line: 1, col: 1, path: "(file)", message }],
  });
  try {
    const info = await stat(file);
    if (!info.isFile()) return fail("not a file; expected a Genius XML file");
    if (info.size > MAX_SCENARIO_BYTES) {
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
      return fail(`file is ${mb(info.size)}; files are limited to ${mb(MAX_SCENARIO_BYTES)}`);
    }
    return parseGeniusXml(await readFile(file), file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ENOENT") return fail("no such file");
    if (code === "EACCES") return fail("permission denied");
    return fail(`cannot read: ${(e as Error).message}`);
  }
}
