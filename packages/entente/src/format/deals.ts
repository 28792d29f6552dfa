import type {
  Concession,
  DealPoint,
  ExchangeRecord,
  Logroll,
  OutcomeSpace,
  PackagePath,
  Scenario,
} from "@entente/core";
import { describeOutcome } from "@entente/core";
import { exchangeLines } from "./run.ts";

/** The `entente deals` document (JSON form); the table renders the same content. */
export interface DealsDocument {
  source: string;
  parties: [string, string];
  grid: number | undefined;
  gridNote?: string;
  packages: number;
  frontierPoints: number;
  /** The Pareto frontier's distinct points as [utility of A, utility of B], thinned to ≤ 400. */
  frontier?: Array<[number, number]>;
  /** Packages both prefer to no deal; undefined when the space is too large to count. */
  rationalPackages: number | undefined;
  /** Whether the space has a status-quo package (offers and the path start from it). */
  hasStatusQuo: boolean;
  reservations: [number, number];
  nash: DescribedPackage | undefined;
  kalaiSmorodinsky: DescribedPackage | undefined;
  maxWelfare: DescribedPackage | undefined;
  offers: {
    aToB: DescribedConcession[];
    bToA: DescribedConcession[];
    logrolls: Array<{
      give: DescribedConcession;
      take: DescribedConcession;
      deltaA: number;
      deltaB: number;
    }>;
  };
  path: Array<{
    changes: string[];
    deltaA: number;
    deltaB: number;
    utilityA: number;
    utilityB: number;
  }>;
  /**
   * The trades the exchange model expects between the two (every actor at the table, one
   * round, in the order realised), and how many it expects among the other actors.
   */
  trades?: { between: ExchangeRecord[]; others: number };
  winSet?: {
    required: string[];
    size: number;
    /** When empty: the package closest to acceptance and who blocks it by how much. */
    nearest?: {
      package: DescribedPart[];
      minSlack: number;
      binding: Array<{ party: string; shortfall: number }>;
    };
    /** Win-set packages as [utility of A, utility of B], distinct at 0.001, at most 2,000. */
    points?: Array<[number, number]>;
    /** When not empty: the package with the most room for every required party. */
    robust?: {
      package: DescribedPart[];
      /** The two parties' utilities of it. */
      utilities?: [number, number];
      minSlack: number;
      /** Each required party's gain on it over no deal. */
      slacks?: Array<{ party: string; slack: number }>;
    };
    /** Per required party: packages it rejects, and those it alone blocks. */
    vetoes?: Array<{ party: string; rejects: number; soleVetoes: number }>;
  };
  notes: string[];
}

export interface DescribedPart {
  issue: string;
  value: string;
  meaning?: string;
  statusQuo: boolean;
}

export interface DescribedPackage {
  utilities: number[];
  package: DescribedPart[];
}

export interface DescribedConcession {
  issue: string;
  from: string;
  to: string;
  meaning?: string;
  deltaA: number;
  deltaB: number;
}

/**
 * Labels an option of an issue for people: the option's label plus, for a scenario's numeric
 * issues, what the nearest marked point or end of the scale means.
 */
export function optionMeaning(
  scenario: Scenario | undefined,
  issueId: string,
  value: number | undefined,
) {
  const issue = scenario?.issues.find((i) => i.id === issueId);
  if (!issue || value === undefined) return undefined;
  const { min, max, minLabel, maxLabel, marks } = issue.scale;
  const points = [{ at: min, label: minLabel }, ...(marks ?? []), { at: max, label: maxLabel }];
  let best = points[0] as { at: number; label: string };
  for (const p of points) if (Math.abs(p.at - value) < Math.abs(best.at - value)) best = p;
  const near = Math.abs(best.at - value) <= (max - min) / 20;
  return near ? (best.at === value ? best.label : `≈ ${best.label}`) : undefined;
}

/** An option's label: numeric grid values rounded for reading (66.67, not 66.66666666666667). */
function optionLabel(label: string, value: number | undefined): string {
  return value === undefined ? label : String(Math.round(value * 100) / 100);
}

export function describePackage(
  space: OutcomeSpace,
  outcome: number,
  scenario: Scenario | undefined,
): DescribedPart[] {
  const sq = new Set<string>();
  for (const [k, issue] of space.issues.entries()) {
    const s = issue.statusQuo;
    if (s && "option" in s) sq.add(`${k}:${s.option}`);
    if (s && "value" in s) {
      const o = issue.values?.indexOf(s.value) ?? -1;
      if (o >= 0) sq.add(`${k}:${o}`);
    }
  }
  return describeOutcome(space, outcome).map((part, k) => {
    const meaning = optionMeaning(scenario, part.issue, part.value);
    return {
      issue: part.issue,
      value: optionLabel(part.label, part.value),
      ...(meaning ? { meaning } : {}),
      statusQuo: sq.has(`${k}:${part.option}`),
    };
  });
}

export function describePoint(
  space: OutcomeSpace,
  point: DealPoint | undefined,
  scenario: Scenario | undefined,
): DescribedPackage | undefined {
  if (!point) return undefined;
  return {
    utilities: [...point.utilities],
    package: describePackage(space, point.outcome, scenario),
  };
}

export function describeConcession(
  c: Concession,
  scenario: Scenario | undefined,
): DescribedConcession {
  const meaning = optionMeaning(scenario, c.issueId, c.to.value);
  return {
    issue: c.issueId,
    from: optionLabel(c.from.label, c.from.value),
    to: optionLabel(c.to.label, c.to.value),
    ...(meaning ? { meaning } : {}),
    deltaA: c.deltaA,
    deltaB: c.deltaB,
  };
}

export function describeLogroll(l: Logroll, scenario: Scenario | undefined) {
  return {
    give: describeConcession(l.give, scenario),
    take: describeConcession(l.take, scenario),
    deltaA: l.deltaA,
    deltaB: l.deltaB,
  };
}

export function describePath(path: PackagePath) {
  return path.steps.map((s) => ({
    changes: s.changes.map(
      (c) =>
        `${c.issueId} ${optionLabel(c.from.label, c.from.value)} → ${optionLabel(c.to.label, c.to.value)}`,
    ),
    deltaA: s.deltaA,
    deltaB: s.deltaB,
    utilityA: s.utilityA,
    utilityB: s.utilityB,
  }));
}

const u = (x: number) => x.toFixed(3);
const signed = (x: number) => `${x >= 0 ? "+" : ""}${x.toFixed(3)}`;

/** The readable form of a deals document. */
export function dealsTable(doc: DealsDocument, scenario?: Scenario): string {
  const [a, b] = doc.parties;
  const lines = [
    `Deal space of ${doc.source}: ${a} and ${b}`,
    `${doc.packages.toLocaleString("en")} packages${doc.grid ? ` (${doc.grid} points per issue${doc.gridNote ? `; ${doc.gridNote}` : ""})` : ""}; Pareto frontier ${doc.frontierPoints} points; ${doc.rationalPackages === undefined ? "packages both prefer to no deal: not counted (space too large)" : `${doc.rationalPackages.toLocaleString("en")} packages both prefer to no deal`}`,
    `Utility of no deal (${doc.notes.some((n) => n.startsWith("no status-quo package")) ? "status quo; issues without one count at their scale's midpoint" : "status quo"}): ${a} ${u(doc.reservations[0])}, ${b} ${u(doc.reservations[1])}`,
    "",
  ];
  const pkg = (title: string, p: DescribedPackage | undefined) => {
    if (!p) {
      lines.push(`${title}: none (no package both prefer to no deal)`, "");
      return;
    }
    lines.push(
      `${title}: ${a} ${u(p.utilities[0] as number)}, ${b} ${u(p.utilities[1] as number)}`,
    );
    lines.push(...parts(p.package), "");
  };
  pkg("Nash bargaining package", doc.nash);
  pkg("Kalai–Smorodinsky package", doc.kalaiSmorodinsky);
  if (doc.winSet) {
    const w = doc.winSet;
    lines.push(
      `Win-set (every required party prefers the package to no deal; required: ${w.required.join(", ")}): ${w.size.toLocaleString("en")} packages`,
    );
    if (w.robust) {
      lines.push(
        `  most robust package (every required party gains at least ${u(w.robust.minSlack)}):`,
        ...parts(w.robust.package, "    "),
      );
    }
    if (w.nearest) {
      lines.push(`  empty. Nearest package falls short by ${u(-w.nearest.minSlack)}; blocked by:`);
      for (const x of w.nearest.binding) lines.push(`    ${x.party} (short by ${u(x.shortfall)})`);
      lines.push(...parts(w.nearest.package, "    "));
    }
    lines.push("");
  }
  const offers = (title: string, list: DescribedConcession[], from: string, to: string) => {
    lines.push(title);
    if (list.length === 0) lines.push("  none");
    for (const c of list) {
      lines.push(
        `  ${c.issue}: ${c.from} → ${c.to}${c.meaning ? ` (${c.meaning})` : ""}   ${from} ${signed(c.deltaA)}, ${to} ${signed(c.deltaB)}`,
      );
    }
    lines.push("");
  };
  offers(
    `What ${a} can offer ${b} (most gain for ${b} per unit of ${a}'s loss):`,
    doc.offers.aToB,
    a,
    b,
  );
  offers(`What ${b} can offer ${a}:`, doc.offers.bToA, b, a);
  lines.push(`Logrolls (${a} gives on one issue, ${b} on another; both gain):`);
  if (doc.offers.logrolls.length === 0) lines.push("  none");
  for (const l of doc.offers.logrolls) {
    lines.push(
      `  ${a} gives ${l.give.issue} ${l.give.from} → ${l.give.to}; ${b} gives ${l.take.issue} ${l.take.from} → ${l.take.to}   ${a} ${signed(l.deltaA)}, ${b} ${signed(l.deltaB)}`,
    );
  }
  lines.push("", `Path from the status quo to the frontier (${doc.path.length} steps):`);
  for (const [i, s] of doc.path.entries()) {
    lines.push(
      `  ${i + 1}. ${s.changes.join("; ")}   ${a} ${signed(s.deltaA)} → ${u(s.utilityA)}, ${b} ${signed(s.deltaB)} → ${u(s.utilityB)}`,
    );
  }
  if (doc.trades && scenario) lines.push("", ...tradeLines(doc.trades, scenario, a, b));
  for (const note of doc.notes) lines.push("", `Note: ${note}`);
  return `${lines.join("\n")}\n`;
}

/** The exchange model's trades between the two, as lines under a heading. */
function tradeLines(
  trades: NonNullable<DealsDocument["trades"]>,
  scenario: Scenario,
  a: string,
  b: string,
): string[] {
  const issues = scenario.issues.map((i) => ({ ...i, min: i.scale.min, max: i.scale.max }));
  const [, ...list] = exchangeLines(trades.between, { actors: scenario.actors, issues });
  const others = `${trades.others} among the other actors: \`entente run --model exchange -f table\``;
  return [
    `Trades the exchange model expects between ${a} and ${b} (every actor at the table, one round; ${others}):`,
    ...(trades.between.length === 0 ? ["  none"] : list),
  ];
}

function parts(list: DescribedPart[], indent = "  "): string[] {
  return list.map(
    (p) =>
      `${indent}${p.issue}: ${p.value}${p.statusQuo ? " (status quo)" : ""}${p.meaning ? ` — ${p.meaning}` : ""}`,
  );
}
