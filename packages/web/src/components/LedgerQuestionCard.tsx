import { fmt } from "@entente/charts";
import {
  type LedgerQuestion,
  percent,
  type QuestionForecast,
  standingForecasts,
} from "@entente/core";
import { useId } from "react";
import { forecasterColor } from "../ledger/forecaster-color.ts";
import { ForecastHistory } from "./ForecastHistory.tsx";
import { ResolveForm } from "./ResolveForm.tsx";

/** Props of {@link LedgerQuestionCard}. */
export interface LedgerQuestionCardProps {
  question: LedgerQuestion;
  /** The non-model forecasters on the page, for their colours. */
  others: readonly string[];
  /** Called after this question was resolved from its form. */
  onResolved: () => void;
}

const KIND_LABEL = { binary: "yes/no", numeric: "numeric" } as const;

/** A forecast's figure: P(yes) as a percentage, or a numeric forecast's median. */
function figure(f: QuestionForecast): string {
  if (f.probability !== undefined) return percent(f.probability);
  if (f.median !== undefined) return fmt(f.median);
  return "–";
}

/**
 * One question of the ledger: its text and kind, each forecaster's standing forecast with its
 * history (every forecast in order, corrected ones struck through; a chart once there is more
 * than one recording), and its resolution, or a form to resolve it.
 */
export function LedgerQuestionCard({ question, others, onResolved }: LedgerQuestionCardProps) {
  const ids = useId();
  const latest = standingForecasts(question.forecasts);
  const recordings = new Set(question.forecasts.map((f) => f.created)).size;
  const { resolution } = question;
  return (
    <article
      className="ledger-question"
      aria-labelledby={`${ids}-title`}
      data-testid="ledger-question"
      data-question={question.question}
    >
      <h4 id={`${ids}-title`}>{question.text}</h4>
      <p className="meta">
        <span className="badge">{KIND_LABEL[question.kind]}</span> <code>{question.question}</code>{" "}
        · {question.forecasts.length} forecasts
      </p>
      <div className="ledger-question-body">
        <table className="data">
          <caption className="visually-hidden">Standing forecasts on “{question.text}”</caption>
          <thead>
            <tr>
              <th scope="col">Forecaster</th>
              <th scope="col" className="num">
                {question.kind === "binary" ? "P(yes)" : "Median"}
              </th>
              <th scope="col">Dated</th>
              <th scope="col">History</th>
            </tr>
          </thead>
          <tbody>
            {latest.map((f) => (
              <tr key={f.forecaster} data-forecaster={f.forecaster}>
                <th scope="row">
                  <span
                    className="swatch"
                    style={{ background: forecasterColor(f.forecaster, f.forecasterKind, others) }}
                    aria-hidden="true"
                  />
                  {f.forecaster}{" "}
                  <span className="hint" title={f.calibration}>
                    ({f.forecasterKind})
                  </span>
                </th>
                <td className="num" data-testid="latest">
                  {figure(f)}
                </td>
                <td>{f.date}</td>
                <td className="history">
                  {question.forecasts
                    .filter((h) => h.forecaster === f.forecaster)
                    .map((h, i) => (
                      <span key={h.seq}>
                        {i > 0 && " → "}
                        {h.superseded ? <del>{figure(h)}</del> : figure(h)}
                      </span>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {recordings > 1 && <ForecastHistory question={question} others={others} />}
      </div>
      {resolution ? (
        <p className="resolution" data-testid="resolution">
          Resolved:{" "}
          <strong>
            {typeof resolution.outcome === "boolean"
              ? resolution.outcome
                ? "yes"
                : "no"
              : fmt(resolution.outcome)}
          </strong>{" "}
          on {resolution.date} ({resolution.source}){resolution.note ? `: ${resolution.note}` : ""}
        </p>
      ) : (
        <details className="resolve">
          <summary>Resolve this question</summary>
          <ResolveForm question={question} onResolved={onResolved} />
        </details>
      )}
    </article>
  );
}
