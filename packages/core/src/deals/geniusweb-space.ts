/**
 * GeniusWeb JSON domains and `LinearAdditiveUtilitySpace` profiles → an {@link OutcomeSpace} and
 * {@link AdditiveUtility} per profile (`docs/research/deal-space.md` §4, GeniusWeb):
 *
 * - domain `{ name, issuesValues: { <issue>: { values: [ … ] } } }` — issue order and option order
 *   as written;
 * - profile `{ "LinearAdditiveUtilitySpace": { name, issueUtilities: { <issue>: { discreteutils:
 *   { valueUtilities: { <value>: u } } } }, issueWeights: { <issue>: w }, domain, reservationBid?:
 *   { issuevalues: { <issue>: <value> } } } }`;
 * - `U(ω) = Σ wₖ · uₖ(ωₖ)` — GeniusWeb values are already on 0–1, so unlike Genius XML there is
 *   no per-issue normalisation; the reservation value is the utility of the reservation bid
 *   (0 without one).
 *
 * Numeric `numberutils` issues, partial-order and other profile types are reported as
 * unsupported. Pure: takes parsed JSON, returns every problem with its JSON path so the reader can
 * locate it in the file. Note: JSON object keys that look like array indices ("1", "2") are
 * reordered by `JSON.parse`; issue order then follows JavaScript's key order.
 *
 * Sources: GeniusWeb profile format as read in `shared/reference/negotiation-domains/geniusweb/`
 * (Party example); Baarslag et al., GeniusWeb documentation (TU Delft).
 * @module
 */
import { type AdditiveUtility, additiveUtility } from "./additive-utility.ts";
import { categoricalIssue, type OutcomeSpace, outcomeSpace } from "./outcome-space.ts";

/** A problem in a GeniusWeb file: which file, the JSON path, and what is wrong. */
export interface GeniusWebProblem {
  /** `"domain"`, or the position of the profile in the list given. */
  source: "domain" | number;
  path: Array<string | number>;
  /** Whether the problem is the key at `path` (an unknown name) rather than its value. */
  at?: "key";
  message: string;
}

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json =>
  typeof x === "object" && x !== null && !Array.isArray(x);

/**
 * Convert GeniusWeb JSON (an optional domain and one profile per party) to a deal space. Without
 * a domain, the first profile's embedded `domain` defines it. Returns every problem instead when
 * any input cannot be used.
 */
export function geniusWebDealSpace(
  domain: unknown,
  profiles: ReadonlyArray<{ name: string; json: unknown }>,
):
  | { space: OutcomeSpace; utilities: AdditiveUtility[]; notes: string[] }
  | { problems: GeniusWebProblem[] } {
  const problems: GeniusWebProblem[] = [];
  const notes: string[] = [];
  if (profiles.length === 0) {
    return { problems: [{ source: "domain", path: [], message: "expected at least one profile" }] };
  }
  const spaces = profiles.map(({ json }, source) => {
    const inner = isObject(json) ? json.LinearAdditiveUtilitySpace : undefined;
    if (!isObject(inner)) {
      const kinds = isObject(json) ? Object.keys(json).join(", ") || "(empty object)" : typeof json;
      problems.push({
        source,
        path: [],
        message: `expected a {"LinearAdditiveUtilitySpace": …} profile, found ${kinds}; only linear additive profiles are supported`,
      });
      return undefined;
    }
    return inner;
  });
  const domainSource: "domain" | number = domain === undefined ? 0 : "domain";
  const domainJson = domain ?? spaces[0]?.domain;
  const domainPath: Array<string | number> =
    domain === undefined ? ["LinearAdditiveUtilitySpace", "domain"] : [];
  // Without a domain file and with an unusable first profile, there is no domain to read.
  if (domain === undefined && spaces[0] === undefined) return { problems };
  const issues = readDomain(domainJson, domainSource, domainPath, problems);
  if (problems.length > 0 || issues.length === 0) return { problems };
  const space = outcomeSpace(issues.map(([id, labels]) => categoricalIssue({ id, labels })));
  const utilities: AdditiveUtility[] = [];
  spaces.forEach((inner, source) => {
    if (!inner) return;
    const before = problems.length;
    const at = (...path: Array<string | number>) => ["LinearAdditiveUtilitySpace", ...path];
    const fail = (path: Array<string | number>, message: string, at?: "key") =>
      problems.push(at ? { source, path, message, at } : { source, path, message });
    const utils = inner.issueUtilities;
    const weightsJson = inner.issueWeights;
    if (!isObject(utils)) fail(at("issueUtilities"), "expected an object of issue utilities");
    if (!isObject(weightsJson)) fail(at("issueWeights"), "expected an object of issue weights");
    if (!isObject(utils) || !isObject(weightsJson)) return;
    const weights = new Float64Array(issues.length);
    const tables = issues.map(([id, labels], k) => {
      const table = new Float64Array(labels.length);
      const w = weightsJson[id];
      if (typeof w !== "number" || !Number.isFinite(w) || w < 0) {
        fail(
          at("issueWeights", id),
          `expected a weight ≥ 0 for issue "${id}", got ${JSON.stringify(w)}`,
        );
      } else weights[k] = w;
      const entry = utils[id];
      if (!isObject(entry)) {
        fail(at("issueUtilities", id), `no utilities for issue "${id}"`);
        return table;
      }
      const discrete = entry.discreteutils;
      if (!isObject(discrete)) {
        const kind = Object.keys(entry).join(", ") || "nothing";
        fail(
          at("issueUtilities", id),
          `expected "discreteutils" for issue "${id}", found ${kind}; supported: discreteutils`,
        );
        return table;
      }
      const values = discrete.valueUtilities;
      if (!isObject(values)) {
        fail(
          at("issueUtilities", id, "discreteutils", "valueUtilities"),
          "expected an object of value utilities",
        );
        return table;
      }
      labels.forEach((label, o) => {
        const x = values[label];
        if (typeof x !== "number" || !Number.isFinite(x) || x < 0 || x > 1) {
          fail(
            at("issueUtilities", id, "discreteutils", "valueUtilities", label),
            `expected a utility from 0 to 1 for value "${label}" of issue "${id}", got ${x === undefined ? "none" : JSON.stringify(x)}`,
          );
        } else table[o] = x;
      });
      for (const key of Object.keys(values)) {
        if (!labels.includes(key)) {
          fail(
            at("issueUtilities", id, "discreteutils", "valueUtilities", key),
            `"${key}" is not a value of issue "${id}"; values: ${labels.join(", ")}`,
            "key",
          );
        }
      }
      return table;
    });
    for (const key of Object.keys(utils)) {
      if (!issues.some(([id]) => id === key))
        fail(at("issueUtilities", key), `"${key}" is not an issue of the domain`, "key");
    }
    for (const key of Object.keys(weightsJson)) {
      if (!issues.some(([id]) => id === key))
        fail(at("issueWeights", key), `"${key}" is not an issue of the domain`, "key");
    }
    const name =
      typeof inner.name === "string"
        ? inner.name
        : (profiles[source]?.name ?? `party${source + 1}`);
    const sum = weights.reduce((s, w) => s + w, 0);
    if (Math.abs(sum - 1) > 1e-9)
      notes.push(`${name}: issue weights sum to ${sum}, not 1; used as written`);
    let bid: number[] | undefined;
    const reservationBid = inner.reservationBid;
    if (reservationBid !== undefined) {
      const values = isObject(reservationBid) ? reservationBid.issuevalues : undefined;
      if (!isObject(values))
        fail(at("reservationBid", "issuevalues"), "expected an object of issue values");
      else {
        bid = issues.map(([id, labels]) => {
          const v = values[id];
          const o = typeof v === "string" ? labels.indexOf(v) : -1;
          if (o < 0) {
            fail(
              at("reservationBid", "issuevalues", id),
              `expected one of ${labels.map((l) => JSON.stringify(l)).join(", ")} for issue "${id}", got ${JSON.stringify(v)}`,
            );
          }
          return o;
        });
      }
    }
    if (problems.length > before) return;
    const partial = additiveUtility(space, {
      id: name,
      weights,
      valueFunctions: tables.map((values) => ({ kind: "table", values })),
      reservation: 0,
    });
    let reservation = 0;
    if (bid)
      for (const [k, o] of bid.entries())
        reservation += (partial.contributions[k] as Float64Array)[o] as number;
    utilities.push({ ...partial, reservation });
  });
  if (problems.length > 0) return { problems };
  return { space, utilities, notes };
}

function readDomain(
  json: unknown,
  source: "domain" | number,
  base: Array<string | number>,
  problems: GeniusWebProblem[],
): Array<[string, string[]]> {
  const fail = (path: Array<string | number>, message: string) =>
    problems.push({ source, path: [...base, ...path], message });
  if (!isObject(json)) {
    fail([], 'expected a domain {"name": …, "issuesValues": {…}}');
    return [];
  }
  const iv = json.issuesValues;
  if (!isObject(iv)) {
    fail(["issuesValues"], "expected an object of issues and their values");
    return [];
  }
  const out: Array<[string, string[]]> = [];
  for (const [id, entry] of Object.entries(iv)) {
    const values = isObject(entry) ? entry.values : undefined;
    if (
      !Array.isArray(values) ||
      values.length === 0 ||
      !values.every((v) => typeof v === "string")
    ) {
      fail(
        ["issuesValues", id],
        `expected {"values": ["…", …]} with at least one string value for issue "${id}"; numeric value ranges are not supported`,
      );
      continue;
    }
    const unique = [...new Set(values as string[])];
    if (unique.length !== values.length)
      fail(["issuesValues", id, "values"], `issue "${id}" lists a value twice`);
    out.push([id, unique]);
  }
  if (out.length === 0 && problems.length === 0) fail(["issuesValues"], "the domain has no issues");
  return out;
}
