import type { ExchangeRecord, IssueData, ModelResult, ScenarioData } from "@entente/core";
import { decimalsFor, fixed } from "./number.ts";

/** Output formats of `entente run`. */
export const RUN_FORMATS = ["json", "table"] as const;
export type RunFormat = (typeof RUN_FORMATS)[number];

/** The `entente run` document: every issue's forecast and each round's positions by actor id. */
export interface RunDocument {
  scenario: string;
  model: string;
  preset?: string;
  params: Record<string, unknown>;
  issues: Array<{
    issue: string;
    forecast: number;
    rounds: Array<{ round: number; positions: Record<string, number> }>;
    details?: Record<string, unknown>;
  }>;
  /** Model diagnostics spanning issues: the exchange model's realised exchanges. */
  details?: Record<string, unknown>;
}

/**
 * Shape a model result as the run document. A static model's trajectory is its single round 0,
 * the input positions, so every model's output has the same shape.
 */
export function runDocument(
  data: ScenarioData,
  result: ModelResult,
  params: Record<string, unknown>,
  preset: string | undefined,
): RunDocument {
  return {
    scenario: data.id,
    model: result.model,
    ...(preset === undefined ? {} : { preset }),
    params,
    issues: result.issues.map((r, k) => ({
      issue: r.issue,
      forecast: r.forecast,
      rounds: r.rounds ?? [{ round: 0, positions: inputPositions(data, data.issues[k]) }],
      ...(r.details ? { details: r.details } : {}),
    })),
    ...(result.details ? { details: result.details } : {}),
  };
}

function inputPositions(data: ScenarioData, issue: IssueData | undefined): Record<string, number> {
  const positions: Record<string, number> = {};
  if (!issue) return positions;
  for (let i = 0; i < issue.actors.length; i++) {
    const actor = data.actors[issue.actors[i] as number];
    if (actor) positions[actor.id] = issue.positions[i] as number;
  }
  return positions;
}

/** Render a run document as JSON or as one table of positions by round per issue. */
export function formatRun(doc: RunDocument, data: ScenarioData, format: RunFormat): string {
  if (format === "json") return `${JSON.stringify(doc, null, 2)}\n`;
  const lines = [`${doc.model} on ${doc.scenario}${doc.preset ? ` (preset ${doc.preset})` : ""}`];
  for (const [k, issue] of doc.issues.entries()) {
    const info = data.issues[k];
    const d = info ? decimalsFor(info.max - info.min) : 2;
    lines.push(
      "",
      `${info?.title ?? issue.issue}  [${issue.issue}]  forecast ${fixed(issue.forecast, d)}`,
    );
    const actors = Object.keys(issue.rounds[0]?.positions ?? {});
    const widest = issue.rounds.flatMap((r) => actors.map((a) => fixed(r.positions[a], d).length));
    const width = Math.max(5, ...actors.map((a) => a.length), ...widest);
    // A model that reports each round's outcome (the exchange model) gets a column for it.
    const outcomes = issue.details?.outcomes as number[] | undefined;
    const outcome = (t: number) =>
      outcomes ? fixed(outcomes[t], d).padStart(Math.max(7, width) + 2) : "";
    lines.push(
      `  ${"round".padEnd(6)}${actors.map((a) => a.padStart(width + 1)).join("")}${outcomes ? "outcome".padStart(Math.max(7, width) + 2) : ""}`,
    );
    for (const round of issue.rounds) {
      const cells = actors.map((a) => fixed(round.positions[a], d).padStart(width + 1));
      lines.push(`  ${String(round.round).padEnd(6)}${cells.join("")}${outcome(round.round)}`);
    }
  }
  const exchanges = doc.details?.exchanges as ExchangeRecord[] | undefined;
  if (exchanges) lines.push("", ...exchangeLines(exchanges, data));
  return `${lines.join("\n")}\n`;
}

/**
 * The realised exchanges, round by round in the order realised: who yields on which issue
 * (from → to on the issue's own scale) in return for whose move on the other, and the equal
 * gain. At most `limit` per round (the rest counted).
 */
export function exchangeLines(
  exchanges: readonly ExchangeRecord[],
  data: {
    actors: ReadonlyArray<{ id: string; name: string }>;
    issues: ReadonlyArray<{ id: string; title: string; min: number; max: number }>;
  },
  limit = Number.POSITIVE_INFINITY,
): string[] {
  if (exchanges.length === 0) return ["No exchanges: no two actors gain by trading positions."];
  const issue = new Map(data.issues.map((i) => [i.id, i]));
  const name = new Map(data.actors.map((a) => [a.id, a.name]));
  const move = (k: string, from: number, to: number) => {
    const info = issue.get(k);
    const d = info ? decimalsFor(info.max - info.min) : 1;
    return `${info?.title ?? k} (${fixed(from, d)} → ${fixed(to, d)})`;
  };
  const lines: string[] = [];
  const rounds = [...new Set(exchanges.map((e) => e.round))];
  for (const round of rounds) {
    const these = exchanges.filter((e) => e.round === round);
    lines.push(`Exchanges in round ${round} (${these.length}, in the order realised):`);
    for (const [n, e] of these.slice(0, limit).entries()) {
      lines.push(
        `  ${String(n + 1).padStart(3)}. ${name.get(e.i) ?? e.i} yields on ${move(e.q, e.iFrom, e.iTo)} for ${name.get(e.j) ?? e.j} yielding on ${move(e.p, e.jFrom, e.jTo)}; gain ${e.gain.toPrecision(3)}`,
      );
    }
    if (these.length > limit) lines.push(`       … and ${these.length - limit} more`);
  }
  return lines;
}
