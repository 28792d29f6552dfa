import {
  type LedgerEntry,
  type LedgerRecord,
  ledgerEntryProblems,
  ledgerQuestions,
  type RecordedDistribution,
} from "@entente/core";
import { LedgerInputError, type LedgerProblem } from "./ledger-input-error.ts";

/**
 * Check entries against the ledger they join and return them ready to append: each well formed
 * on its own; a forecast of a known question of the same kind (probability or distribution); a
 * resolution only of a question with forecasts, yes/no for a yes/no question and a number on the
 * scale for a numeric one (a numeric question keeps the scale of its first forecast);
 * `supersedes` naming an existing entry of the same question and kind — for a forecast, by the
 * same forecaster — that nothing supersedes yet. With `newQuestions: false` a forecast of a
 * question not in the ledger is refused (a typo must not start a new question).
 * A resolution of a question already resolved supersedes the standing one. Entries of the
 * batch count as appended in order (entry i gets the number after the ledger's last + i). Throws
 * {@link LedgerInputError} listing every problem.
 */
export function prepareEntries(
  records: readonly LedgerRecord[],
  entries: readonly LedgerEntry[],
  options: { newQuestions?: boolean } = {},
): LedgerEntry[] {
  const { newQuestions = true } = options;
  const problems: LedgerProblem[] = [];
  const questions = new Map(ledgerQuestions(records).map((q) => [q.question, q]));
  const kinds = new Map<string, "binary" | "numeric">();
  const scales = new Map<string, RecordedDistribution>();
  for (const q of questions.values()) kinds.set(q.question, q.kind);
  for (const r of records) {
    const e = r.entry;
    if (e.kind === "forecast" && e.distribution && !scales.has(e.question)) {
      scales.set(e.question, e.distribution);
    }
  }
  const bySeq = new Map<number, LedgerEntry>(records.map((r) => [r.seq, r.entry]));
  const superseded = new Set<number>();
  for (const r of records) if (r.entry.supersedes !== undefined) superseded.add(r.entry.supersedes);
  const standing = new Map<string, number>();
  for (const q of questions.values()) if (q.resolution) standing.set(q.question, q.resolution.seq);
  const last = records.length > 0 ? (records[records.length - 1] as LedgerRecord).seq : 0;
  const out: LedgerEntry[] = [];
  for (const [i, entry] of entries.entries()) {
    // The number this entry will get when the batch is appended.
    const seq = last + 1 + i;
    const own = ledgerEntryProblems(entry);
    if (own.length > 0) {
      for (const p of own) problems.push({ entry: i, ...p });
      continue;
    }
    const next = { ...entry };
    if (next.kind === "forecast") {
      const kind = next.distribution ? "numeric" : "binary";
      const known = kinds.get(next.question);
      if (known && known !== kind) {
        problems.push({
          entry: i,
          path: kind === "binary" ? "probability" : "distribution",
          message: `question "${next.question}" is ${known === "binary" ? "a yes/no question: give a probability" : "numeric: give a distribution"}`,
        });
        continue;
      }
      if (!known && !newQuestions) {
        problems.push({
          entry: i,
          path: "question",
          message: `"${next.question}" is not a question of the ledger; check its id (\`entente ledger list\`), or pass --new-questions to start it`,
          notFound: true,
        });
        continue;
      }
      const scale = scales.get(next.question);
      if (
        next.distribution &&
        scale &&
        (next.distribution.min !== scale.min || next.distribution.max !== scale.max)
      ) {
        problems.push({
          entry: i,
          path: "distribution",
          message: `"${next.question}" is on the scale ${scale.min}–${scale.max}, got a distribution on ${next.distribution.min}–${next.distribution.max}`,
        });
        continue;
      }
      kinds.set(next.question, kind);
      if (next.distribution && !scale) scales.set(next.question, next.distribution);
    } else {
      const kind = kinds.get(next.question);
      if (!kind) {
        problems.push({
          entry: i,
          path: "question",
          message: `"${next.question}" has no forecast in the ledger; record or import a forecast of it first`,
          notFound: true,
        });
        continue;
      }
      if (kind === "binary" && typeof next.outcome !== "boolean") {
        problems.push({
          entry: i,
          path: "outcome",
          message: `"${next.question}" is a yes/no question: expected yes or no, got ${next.outcome}`,
        });
        continue;
      }
      if (kind === "numeric") {
        const scale = scales.get(next.question) as RecordedDistribution;
        if (
          typeof next.outcome !== "number" ||
          next.outcome < scale.min ||
          next.outcome > scale.max
        ) {
          problems.push({
            entry: i,
            path: "outcome",
            message: `"${next.question}" is numeric: expected a number from ${scale.min} to ${scale.max}, got ${next.outcome}`,
          });
          continue;
        }
      }
      const current = standing.get(next.question);
      if (next.supersedes === undefined && current !== undefined) next.supersedes = current;
      standing.set(next.question, seq);
    }
    if (next.supersedes !== undefined) {
      const old = bySeq.get(next.supersedes);
      const sameAuthor =
        old?.kind !== "forecast" || next.kind !== "forecast" || old.forecaster === next.forecaster;
      if (!old || old.question !== next.question || old.kind !== next.kind || !sameAuthor) {
        const whose = next.kind === "forecast" ? ` by ${next.forecaster}` : "";
        problems.push({
          entry: i,
          path: "supersedes",
          message: `expected the number of an earlier ${next.kind}${whose} of "${next.question}", got ${next.supersedes}`,
        });
        continue;
      }
      if (superseded.has(next.supersedes)) {
        problems.push({
          entry: i,
          path: "supersedes",
          message: `entry ${next.supersedes} is already superseded; supersede the entry that replaced it`,
        });
        continue;
      }
      superseded.add(next.supersedes);
    }
    bySeq.set(seq, next);
    out.push(next);
  }
  if (problems.length > 0) throw new LedgerInputError(problems);
  return out;
}

/**
 * The ledger's id of a question given as typed: the id itself, or — when exactly one recorded
 * question ends with `/<typed>` — that one (so `summit-agreement` finds
 * `budapest-2025/summit-agreement`). Throws {@link LedgerInputError} naming the candidates.
 */
export function findQuestion(records: readonly LedgerRecord[], typed: string): string {
  const ids = new Set(records.map((r) => r.entry.question));
  if (ids.has(typed)) return typed;
  const matches = [...ids].filter((id) => id.endsWith(`/${typed}`));
  if (matches.length === 1) return matches[0] as string;
  const message =
    matches.length > 1
      ? `"${typed}" is ambiguous: ${matches.join(", ")}; give the full id`
      : `no question "${typed}" in the ledger${ids.size > 0 ? ` (recorded: ${[...ids].slice(0, 8).join(", ")}${ids.size > 8 ? ", …" : ""})` : " (it is empty; run `entente ledger record` first)"}`;
  throw new LedgerInputError([
    { entry: 0, path: "question", message, notFound: matches.length === 0 },
  ]);
}
