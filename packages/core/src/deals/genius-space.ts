/**
 * Genius 10.4 XML domains and additive profiles → an {@link OutcomeSpace} and one
 * {@link AdditiveUtility} per profile, with Genius's semantics (`docs/research/deal-space.md` §4):
 *
 * - each discrete issue's evaluations are normalised by the issue's largest evaluation,
 *   `vₖ(o) = evalₖ(o) / maxᵥ evalₖ(v)`, and `U(ω) = min(1, Σₖ wₖ · vₖ(ωₖ))` with the weights as
 *   written (not renormalised);
 * - profile issues are matched to domain issues by `index`, items to options by `value` (the
 *   domain's item order is the option order); a value listed twice in a profile (AMPO's starting
 *   salary `0`, evaluations 0 then 8) keeps its **last** evaluation by default, as a Genius
 *   evaluator map does (`duplicates: "first"` keeps the first) — and a note says so;
 * - `<reservation value>` (default 0) and `<discount_factor value>` (default 1) are read; a
 *   `type="UNCERTAIN"` profile is read as the additive profile it contains.
 *
 * Non-linear (hyper-rectangle) and constraint profiles, and integer/real issues, are reported as
 * unsupported problems rather than approximated. This module is pure: it takes the XML already
 * reduced to plain objects (`packages/entente/src/io/genius/` does the reading) and returns every
 * problem found, each pointing back at the element it concerns.
 *
 * Sources: Genius 10.4 user guide and `AdditiveUtilitySpace` / `EvaluatorDiscrete` semantics as
 * described in `docs/research/deal-space.md` §4 (not Genius code); Lin, Kraus, Wilkenfeld & Barry
 * (2008) for England–Zimbabwe; Raiffa (1982) for AMPO vs City.
 * @module
 */
import { type AdditiveUtility, additiveUtility } from "./additive-utility.ts";
import { categoricalIssue, type OutcomeSpace, outcomeSpace } from "./outcome-space.ts";

/** 1-based line and column of an element in its file. */
export interface SourceLocation {
  line: number;
  col: number;
}

/** An `<item>` of a Genius issue: its value and (in a profile) its evaluation as written. */
export interface GeniusItem {
  value: string;
  /** The `evaluation` attribute: a number, `undefined` when absent, NaN when not a number. */
  evaluation: number | undefined;
  at?: SourceLocation;
}

/** An `<issue>` element. */
export interface GeniusIssue {
  index: number;
  name: string;
  /** `type`/`vtype` attribute: `discrete` (default), `integer`, `real`, … */
  type: string;
  items: GeniusItem[];
  at?: SourceLocation;
}

/** A `<weight index value>` element. */
export interface GeniusWeight {
  index: number;
  value: number;
  at?: SourceLocation;
}

/** A `<utility_space>` (domain template or profile) reduced to what matters here. */
export interface GeniusUtilitySpace {
  /** The `type` attribute of `<utility_space>`, if any (`nonlinear`, `constraint`, `UNCERTAIN`). */
  type: string | undefined;
  issues: GeniusIssue[];
  weights: GeniusWeight[];
  reservation: { value: number; at?: SourceLocation } | undefined;
  discount: { value: number; at?: SourceLocation } | undefined;
  at?: SourceLocation;
}

/** One problem found while converting: which file (domain or profile `i`), where, and what. */
export interface GeniusProblem {
  /** `"domain"`, or the position of the profile in the list given. */
  source: "domain" | number;
  at: SourceLocation | undefined;
  /** The field concerned, e.g. `issue[1].item["$50 Billion"]@evaluation`. */
  path: string;
  message: string;
}

/** What {@link geniusDealSpace} returns on success. */
export interface GeniusDealSpace {
  space: OutcomeSpace;
  utilities: AdditiveUtility[];
  /** Things done that the user should know about (duplicate values resolved, …). */
  notes: string[];
}

/** Which evaluation a value listed twice in a profile keeps. */
export type GeniusDuplicates = "last" | "first";

/**
 * Convert a Genius domain and additive profiles to an outcome space and utilities. Without a
 * domain, the first profile's issues and items define it. Returns every problem found instead
 * when any input cannot be used.
 */
export function geniusDealSpace(
  domain: GeniusUtilitySpace | undefined,
  profiles: ReadonlyArray<{ name: string; space: GeniusUtilitySpace }>,
  options: { duplicates?: GeniusDuplicates } = {},
): GeniusDealSpace | { problems: GeniusProblem[] } {
  const duplicates = options.duplicates ?? "last";
  const problems: GeniusProblem[] = [];
  const notes: string[] = [];
  if (profiles.length === 0) {
    return {
      problems: [
        {
          source: "domain",
          at: undefined,
          path: "(profiles)",
          message: "expected at least one profile",
        },
      ],
    };
  }
  const domainSource: "domain" | number = domain ? "domain" : 0;
  const tree = domain ?? (profiles[0] as { space: GeniusUtilitySpace }).space;
  const issues = domainIssues(tree, domainSource, problems);
  const utilities: AdditiveUtility[] = [];
  const space = outcomeSpace(
    issues.length > 0
      ? issues.map((issue) => categoricalIssue({ id: issue.name, labels: optionLabels(issue) }))
      : [categoricalIssue({ id: "(none)", labels: ["(none)"] })],
  );
  profiles.forEach(({ name, space: profile }, source) => {
    const before = problems.length;
    const problem = (at: SourceLocation | undefined, path: string, message: string) =>
      problems.push({ source, at, path, message });
    const type = profile.type?.trim();
    if (type && !/^(additive|linear|uncertain)$/i.test(type)) {
      problem(
        profile.at,
        "utility_space@type",
        `utility space type "${type}" is not supported; supported: additive profiles ` +
          '(no type, or type="UNCERTAIN", read as the additive profile it contains)',
      );
      return;
    }
    const weights = new Float64Array(issues.length);
    const seenWeight = new Set<number>();
    for (const w of profile.weights) {
      const k = issues.findIndex((issue) => issue.index === w.index);
      const path = `weight[${w.index}]@value`;
      if (seenWeight.has(w.index))
        problem(w.at, `weight[${w.index}]`, `weight for issue index ${w.index} given twice`);
      seenWeight.add(w.index);
      if (k < 0) {
        problem(
          w.at,
          `weight[${w.index}]@index`,
          `no issue with index ${w.index}; issue indices: ${issues.map((i) => i.index).join(", ")}`,
        );
      } else if (!Number.isFinite(w.value) || w.value < 0) {
        problem(w.at, path, `expected a weight ≥ 0, got ${w.value}`);
      } else weights[k] = w.value;
    }
    const tables: Float64Array[] = [];
    for (const issue of issues) {
      if (!seenWeight.has(issue.index)) {
        problem(
          profile.at,
          `weight[${issue.index}]`,
          `no weight for issue ${issue.index} ("${issue.name}"); every issue needs a <weight index="${issue.index}" value="…"/>`,
        );
      }
      const own = profile.issues.find((i) => i.index === issue.index);
      if (!own) {
        problem(
          profile.at,
          `issue[${issue.index}]`,
          `issue ${issue.index} ("${issue.name}") of the domain is missing from the profile`,
        );
        tables.push(new Float64Array(issue.items.length));
        continue;
      }
      if (own.name !== issue.name) {
        problem(
          own.at,
          `issue[${issue.index}]@name`,
          `issue ${issue.index} is "${issue.name}" in the domain but "${own.name}" in the profile`,
        );
      }
      tables.push(
        evaluations(
          issue,
          own,
          duplicates,
          (at, path, message) => problem(at, path, message),
          notes,
          name,
        ),
      );
    }
    for (const own of profile.issues) {
      if (!tree.issues.some((i) => i.index === own.index)) {
        problem(
          own.at,
          `issue[${own.index}]`,
          `issue ${own.index} ("${own.name}") is not in the domain; domain issue indices: ${tree.issues.map((i) => i.index).join(", ")}`,
        );
      }
    }
    const reservation = profile.reservation?.value ?? 0;
    if (!(reservation >= 0 && reservation <= 1)) {
      problem(
        profile.reservation?.at,
        "reservation@value",
        `expected a reservation value from 0 to 1, got ${profile.reservation?.value}`,
      );
    }
    const discount = profile.discount?.value ?? 1;
    if (!(discount > 0 && discount <= 1)) {
      problem(
        profile.discount?.at,
        "discount_factor@value",
        `expected a discount factor in (0, 1], got ${profile.discount?.value}`,
      );
    }
    if (problems.length > before || issues.length === 0) return;
    utilities.push(
      additiveUtility(space, {
        id: name,
        weights,
        valueFunctions: tables.map((values) => ({ kind: "table", values })),
        reservation,
        discount,
        cap: 1,
      }),
    );
  });
  if (problems.length > 0) return { problems };
  return { space, utilities, notes };
}

function optionLabels(issue: GeniusIssue): string[] {
  return [...new Set(issue.items.map((i) => i.value))];
}

function domainIssues(
  tree: GeniusUtilitySpace,
  source: "domain" | number,
  problems: GeniusProblem[],
): GeniusIssue[] {
  const out: GeniusIssue[] = [];
  const problem = (at: SourceLocation | undefined, path: string, message: string) =>
    problems.push({ source, at, path, message });
  if (tree.issues.length === 0) problem(tree.at, "objective", "no <issue> elements found");
  for (const issue of tree.issues) {
    const type = issue.type.toLowerCase();
    if (type !== "discrete") {
      problem(
        issue.at,
        `issue[${issue.index}]@type`,
        `issue type "${issue.type}" is not supported; supported: discrete`,
      );
      continue;
    }
    if (out.some((i) => i.index === issue.index)) {
      problem(issue.at, `issue[${issue.index}]@index`, `issue index ${issue.index} is used twice`);
      continue;
    }
    if (issue.items.length === 0) {
      problem(
        issue.at,
        `issue[${issue.index}]`,
        `issue ${issue.index} ("${issue.name}") has no <item> values`,
      );
      continue;
    }
    out.push(issue);
  }
  return out;
}

function evaluations(
  issue: GeniusIssue,
  own: GeniusIssue,
  duplicates: GeniusDuplicates,
  problem: (at: SourceLocation | undefined, path: string, message: string) => void,
  notes: string[],
  profile: string,
): Float64Array {
  const labels = optionLabels(issue);
  const raw = new Map<string, number>();
  for (const item of own.items) {
    const path = `issue[${issue.index}].item[${JSON.stringify(item.value)}]`;
    if (!labels.includes(item.value)) {
      problem(
        item.at,
        `${path}@value`,
        `value ${JSON.stringify(item.value)} is not an option of issue ${issue.index} ("${issue.name}"); options: ${labels.map((l) => JSON.stringify(l)).join(", ")}`,
      );
      continue;
    }
    const e = item.evaluation;
    if (e === undefined || !Number.isFinite(e) || e < 0) {
      problem(
        item.at,
        `${path}@evaluation`,
        `expected an evaluation ≥ 0, got ${e === undefined ? "none" : e}`,
      );
      continue;
    }
    const previous = raw.get(item.value);
    if (previous !== undefined) {
      const kept = duplicates === "last" ? e : previous;
      notes.push(
        `${profile}: issue "${issue.name}" lists value ${JSON.stringify(item.value)} twice (evaluations ${previous} and ${e}); kept the ${duplicates} (${kept})`,
      );
      raw.set(item.value, kept);
    } else raw.set(item.value, e);
  }
  const table = new Float64Array(labels.length);
  let max = 0;
  for (const e of raw.values()) max = Math.max(max, e);
  for (const [o, label] of labels.entries()) {
    const e = raw.get(label);
    if (e === undefined) {
      if (own.items.every((i) => i.value !== label)) {
        problem(
          own.at,
          `issue[${issue.index}].item[${JSON.stringify(label)}]`,
          `no evaluation for value ${JSON.stringify(label)} of issue ${issue.index} ("${issue.name}")`,
        );
      }
      continue;
    }
    table[o] = max > 0 ? e / max : 0;
  }
  return table;
}
