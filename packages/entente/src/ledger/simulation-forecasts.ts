import {
  type ForecastEntry,
  type ForecastScenario,
  histogramInverseQuantile,
  type LedgerRecord,
  ledgerQuestions,
  outcomeBins,
  recordDistribution,
  type Scenario,
  type SimulationSummary,
  simulationReport,
  standingForecasts,
} from "@entente/core";

/** What a simulation's forecasts are recorded with. */
export interface SimulationForecastsInput {
  scenario: Scenario;
  /** Its id, stored revision and content hash. */
  source: ForecastScenario;
  summary: SimulationSummary;
  seed: number;
  /** The calibration the models' probabilities used, in words ("none" without). */
  calibration: string;
  /** The day the forecasts speak for (YYYY-MM-DD). */
  date: string;
  /** When they are written (ISO 8601). */
  created: string;
  /** Only these question or issue ids (default: every question and issue). */
  only?: readonly string[];
  /** The ledger so far: a source's figure already standing unchanged is not recorded again. */
  ledger?: readonly LedgerRecord[];
}

/**
 * A simulation's forecasts as ledger entries: for every question (`<scenario>/<question>`) each
 * model's probability and each source's stated figure (as forecaster `<source id>`), and for
 * every issue (`<scenario>/<issue>`) each model's predictive distribution of the outcome,
 * recorded as its 99 percentiles.
 */
export function simulationForecasts(input: SimulationForecastsInput): ForecastEntry[] {
  const { scenario, summary, only } = input;
  checkRecordable(scenario, only);
  const wanted = (id: string) => !only || only.includes(id);
  const report = simulationReport(summary);
  const common = {
    kind: "forecast" as const,
    date: input.date,
    created: input.created,
    scenario: input.source,
  };
  // Each question's standing forecasts, to leave out a source's figure that stands unchanged.
  const standing = new Map(
    ledgerQuestions(input.ledger ?? []).map((q) => [q.question, standingForecasts(q.forecasts)]),
  );
  const out: ForecastEntry[] = [];
  for (const question of scenario.questions ?? []) {
    if (!wanted(question.id)) continue;
    const id = `${scenario.id}/${question.id}`;
    const q = report.questions.find((x) => x.question === question.id);
    for (const m of q?.models ?? []) {
      out.push({
        ...common,
        question: id,
        text: question.title,
        forecaster: m.model,
        forecasterKind: "model",
        calibration: input.calibration,
        probability: m.probability,
        seed: input.seed,
        samples: summary.samples,
        note: `Monte Carlo standard error ${(100 * m.se).toFixed(2)} percentage points`,
      });
    }
    for (const e of question.estimates ?? []) {
      const now = standing.get(id)?.find((f) => f.forecaster === e.source);
      if (now && now.probability === e.probability && now.note === e.note) continue;
      out.push({
        ...common,
        question: id,
        text: question.title,
        forecaster: e.source,
        forecasterKind: "source",
        probability: e.probability,
        ...(e.note === undefined ? {} : { note: e.note }),
      });
    }
  }
  for (const [k, issueId] of summary.issues.entries()) {
    if (!wanted(issueId)) continue;
    const issue = scenario.issues.find((i) => i.id === issueId);
    const [min, max] = summary.scales[k] as [number, number];
    for (const [m, model] of summary.models.entries()) {
      const bins = outcomeBins(summary, m, k);
      out.push({
        ...common,
        question: `${scenario.id}/${issueId}`,
        text: `Where does "${issue?.title ?? issueId}" land on its scale (${min}–${max})?`,
        forecaster: model,
        forecasterKind: "model",
        calibration: input.calibration,
        distribution: recordDistribution(min, max, (p) => histogramInverseQuantile(bins, p)),
        seed: input.seed,
        samples: summary.samples,
      });
    }
  }
  return out;
}

/**
 * Check that a scenario's forecasts can be recorded — no question shares an issue's id — and
 * that `only` names its questions or issues; throws RangeError saying which. Cheap: call it
 * before simulating.
 */
export function checkRecordable(scenario: Scenario, only?: readonly string[]): void {
  const questionIds = new Set((scenario.questions ?? []).map((q) => q.id));
  for (const issue of scenario.issues) {
    if (questionIds.has(issue.id)) {
      throw new RangeError(
        `question "${issue.id}" has the same id as an issue; rename one of them to record both in the ledger`,
      );
    }
  }
  const known = new Set([...questionIds, ...scenario.issues.map((i) => i.id)]);
  for (const id of only ?? []) {
    if (!known.has(id)) {
      throw new RangeError(
        `--questions: "${id}" is neither a question nor an issue of scenario "${scenario.id}"; known: ${[...known].join(", ")}`,
      );
    }
  }
}
