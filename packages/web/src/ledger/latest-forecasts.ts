import type { LedgerQuestion, QuestionForecast } from "@entente/core";

/**
 * Each forecaster's standing forecast on a question: its last one that no later entry
 * supersedes, one per forecaster, in the order the forecasters first appear.
 * @example
 * latestForecasts(question).map((f) => `${f.forecaster}: ${f.probability}`);
 * // => ["compromise: 0.42", "seed-003: 0.4"]
 */
export function latestForecasts(question: Pick<LedgerQuestion, "forecasts">): QuestionForecast[] {
  const latest = new Map<string, QuestionForecast>();
  // A Map keeps a key where it was first set, so updating it keeps the first-appearance order.
  for (const f of question.forecasts) if (!f.superseded) latest.set(f.forecaster, f);
  return [...latest.values()];
}
