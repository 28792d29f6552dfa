import type { GroupScores, LedgerScoreTable } from "entente/wire-types";
import { forecasterColor, forecasterModel } from "../ledger/forecaster-color.ts";

/** Props of {@link LedgerScoresTable}. */
export interface LedgerScoresTableProps {
  scores: LedgerScoreTable;
  /** The non-model forecasters on the page, for their colours. */
  others: readonly string[];
}

/** A score to three decimals; "–" when there is none. */
function three(x: number | null | undefined): string {
  return x === null || x === undefined || Number.isNaN(x) ? "–" : x.toFixed(3);
}

/** The mean log score: JSON carries −∞ (a 0 given to what happened) as null. */
function logScoreText(b: NonNullable<GroupScores["binary"]>): string {
  return b.logScore === null || b.logScore === Number.NEGATIVE_INFINITY ? "−∞" : three(b.logScore);
}

/**
 * The ledger's scores, one row per forecaster (or model and calibration): on resolved yes/no
 * questions the Brier score with Murphy's reliability, resolution and uncertainty, the mean
 * log score and the Brier skill against the reference; on resolved numeric questions the
 * mean CRPS.
 */
export function LedgerScoresTable({ scores, others }: LedgerScoresTableProps) {
  const reference = scores.reference === "50%" ? "50 %" : scores.reference;
  return (
    <div className="table-scroll">
      <table className="data ledger-scores" data-testid="ledger-scores">
        <caption>
          {scores.questions.resolved} of {scores.questions.total} questions resolved. Brier,
          reliability and CRPS: lower is better; resolution and log score: higher is better; skill
          above 0 beats the reference ({reference}).
        </caption>
        <thead>
          <tr>
            <th scope="col">{scores.by === "model" ? "Model · calibration" : "Forecaster"}</th>
            <th scope="col">Kind</th>
            <th scope="col" className="num">
              n
            </th>
            <th scope="col" className="num">
              Brier
            </th>
            <th scope="col" className="num">
              Reliability
            </th>
            <th scope="col" className="num">
              Resolution
            </th>
            <th scope="col" className="num">
              Uncertainty
            </th>
            <th scope="col" className="num">
              Log score
            </th>
            <th scope="col" className="num">
              Skill vs {reference}
            </th>
            <th scope="col" className="num">
              CRPS n
            </th>
            <th scope="col" className="num">
              CRPS mean
            </th>
          </tr>
        </thead>
        <tbody>
          {scores.groups.map((g) => {
            const b = g.binary;
            return (
              <tr key={g.forecaster} data-forecaster={g.forecaster}>
                <th scope="row">
                  <span
                    className="swatch"
                    style={{ background: forecasterColor(g.forecaster, g.kind, others) }}
                    aria-hidden="true"
                  />
                  {forecasterModel(g.forecaster)}
                  {g.forecaster !== forecasterModel(g.forecaster) && (
                    <span className="hint calibration">
                      {g.forecaster.slice(forecasterModel(g.forecaster).length)}
                    </span>
                  )}
                </th>
                <td>{g.kind}</td>
                <td className="num" data-col="n">
                  {b?.n ?? 0}
                </td>
                <td className="num" data-col="brier">
                  {three(b?.brier)}
                </td>
                <td className="num">{three(b?.reliability)}</td>
                <td className="num">{three(b?.resolution)}</td>
                <td className="num">{three(b?.uncertainty)}</td>
                <td className="num">{b ? logScoreText(b) : "–"}</td>
                <td className="num" title={b ? `reference Brier ${three(b.referenceBrier)}` : ""}>
                  {b?.skill === null || b?.skill === undefined ? "–" : b.skill.toFixed(2)}
                </td>
                <td className="num" data-col="crps-n">
                  {g.numeric?.n ?? 0}
                </td>
                <td className="num">{three(g.numeric?.crps)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
