import { FIFTY_FIFTY, type ScoreGrouping } from "@entente/core";
import type {
  LedgerScoreTable,
  LedgerVerification,
  LedgerView,
  ScenarioSummary,
} from "entente/wire-types";
import { useCallback, useEffect, useId, useMemo, useState } from "react";
import { ledgerApi } from "../api/ledger-api.ts";
import { scenarioApi } from "../api/scenario-api.ts";
import { ChainStatus } from "./ChainStatus.tsx";
import { LedgerQuestionCard } from "./LedgerQuestionCard.tsx";
import { LedgerScoresTable } from "./LedgerScoresTable.tsx";
import { RecordForecasts } from "./RecordForecasts.tsx";
import { ReliabilityDiagram } from "./ReliabilityDiagram.tsx";

/**
 * The forecast ledger: record a stored scenario's forecasts, see every question with each
 * forecaster's standing forecast and history, resolve the open ones, and score everyone —
 * a table per forecaster or per model and a reliability diagram — with the hash chain's status.
 */
export function LedgerPage() {
  const ids = useId();
  const [scenarios, setScenarios] = useState<ScenarioSummary[] | undefined>();
  const [view, setView] = useState<LedgerView | undefined>();
  const [scores, setScores] = useState<LedgerScoreTable | undefined>();
  const [chain, setChain] = useState<LedgerVerification | undefined>();
  const [errors, setErrors] = useState<{ ledger?: string; scores?: string; chain?: string }>({});
  const [by, setBy] = useState<ScoreGrouping>("forecaster");
  const [reference, setReference] = useState(FIFTY_FIFTY);
  // Bumped after every write, so the questions, the scores and the chain are asked again.
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    scenarioApi.scenarios().then(setScenarios, () => setScenarios([]));
  }, []);

  useEffect(() => {
    let live = true;
    void version; // read so that a bump asks again
    ledgerApi.ledger().then(
      (v) => {
        if (!live) return;
        setView(v);
        setErrors(({ ledger: _, ...rest }) => rest);
      },
      (e: Error) => live && setErrors((x) => ({ ...x, ledger: e.message })),
    );
    ledgerApi.verify().then(
      (c) => {
        if (!live) return;
        setChain(c);
        setErrors(({ chain: _, ...rest }) => rest);
      },
      (e: Error) => live && setErrors((x) => ({ ...x, chain: e.message })),
    );
    return () => {
      live = false;
    };
  }, [version]);

  useEffect(() => {
    let live = true;
    void version; // read so that a bump asks again
    ledgerApi.scores({ by, reference }).then(
      (s) => {
        if (!live) return;
        setScores(s);
        setErrors(({ scores: _, ...rest }) => rest);
      },
      (e: Error) => live && setErrors((x) => ({ ...x, scores: e.message })),
    );
    return () => {
      live = false;
    };
  }, [version, by, reference]);

  const questions = view?.questions ?? [];
  // Sources and analysts, in order of appearance: they share one set of colours.
  const others = useMemo(() => {
    const names = new Set<string>();
    for (const q of view?.questions ?? []) {
      for (const f of q.forecasts) if (f.forecasterKind !== "model") names.add(f.forecaster);
    }
    return [...names];
  }, [view]);
  const forecasters = useMemo(
    () => [...new Set(questions.flatMap((q) => q.forecasts.map((f) => f.forecaster)))],
    [questions],
  );
  const binary = questions.filter((q) => q.kind === "binary");
  const numeric = questions.filter((q) => q.kind === "numeric");

  return (
    <section className="ledger" aria-labelledby="ledger-title">
      <div className="toolbar">
        <h1 id="ledger-title">Forecast ledger</h1>
        <ChainStatus chain={chain} error={errors.chain} />
      </div>
      <p className="hint">
        An append-only, hash-chained record of forecasts — each model's probabilities, the sources'
        stated figures, analysts' calls — and of what happened, scored with proper scores. Forecasts
        dated after a question's resolution are not scored.
      </p>
      {errors.ledger && (
        <p className="error" role="alert">
          The ledger could not be read: {errors.ledger}
        </p>
      )}

      <section className="ledger-section ledger-panel" aria-labelledby={`${ids}-record`}>
        <h2 id={`${ids}-record`}>Record forecasts</h2>
        <RecordForecasts scenarios={scenarios} onRecorded={reload} />
      </section>

      <section className="ledger-section ledger-panel" aria-labelledby={`${ids}-scores`}>
        <div className="toolbar">
          <h2 id={`${ids}-scores`}>Scores</h2>
          <div className="score-controls">
            <fieldset>
              <legend>Group by</legend>
              {(["forecaster", "model"] as const).map((b) => (
                <label key={b} className="check">
                  <input
                    type="radio"
                    name={`${ids}-by`}
                    value={b}
                    checked={by === b}
                    onChange={() => setBy(b)}
                  />
                  {b === "forecaster" ? "Forecaster" : "Model and calibration"}
                </label>
              ))}
            </fieldset>
            <label htmlFor={`${ids}-reference`}>Skill against</label>
            <select
              id={`${ids}-reference`}
              value={reference}
              onChange={(e) => setReference(e.target.value)}
            >
              <option value={FIFTY_FIFTY}>always 50 %</option>
              {forecasters.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </div>
        </div>
        {errors.scores && (
          <p className="error" role="alert">
            The scores could not be had: {errors.scores}
          </p>
        )}
        {!scores && !errors.scores && <p className="loading">Loading the scores…</p>}
        {scores && (
          <div className="ledger-scores-layout">
            {scores.groups.length > 0 ? (
              <LedgerScoresTable scores={scores} others={others} />
            ) : (
              <p className="empty" data-testid="no-scores">
                No scores yet: {scores.questions.total} questions recorded, none resolved.
              </p>
            )}
            <ReliabilityDiagram scores={scores} others={others} />
          </div>
        )}
      </section>

      <section className="ledger-section" aria-labelledby={`${ids}-questions`}>
        <h2 id={`${ids}-questions`}>Questions</h2>
        {!view && !errors.ledger && <p className="loading">Loading the questions…</p>}
        {view && questions.length === 0 && (
          <p className="empty">No forecasts recorded yet: record a scenario's forecasts above.</p>
        )}
        {[
          { title: "Yes/no questions", list: binary },
          { title: "Numeric questions (issue outcomes)", list: numeric },
        ].map(
          ({ title, list }) =>
            list.length > 0 && (
              <div key={title}>
                <h3>{title}</h3>
                <div className="ledger-questions">
                  {list.map((q) => (
                    <LedgerQuestionCard
                      key={q.question}
                      question={q}
                      others={others}
                      onResolved={reload}
                    />
                  ))}
                </div>
              </div>
            ),
        )}
      </section>
    </section>
  );
}
