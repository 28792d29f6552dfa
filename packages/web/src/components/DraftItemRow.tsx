import type { DraftItem } from "@entente/core";
import { useId } from "react";
import { type Verdict, valueProblem } from "../draft-review-state.ts";

/** Props of {@link DraftItemRow}. */
export interface DraftItemRowProps {
  item: DraftItem;
  /** The source's title (or its id when the draft lacks it). */
  source: string;
  verdict: Verdict | undefined;
  /** The value as typed, when the analyst edited it. */
  value: string | undefined;
  /** Set the verdict; undefined takes it back. */
  onVerdict: (verdict: Verdict | undefined) => void;
  onValue: (text: string) => void;
}

/**
 * One drafted number beside its evidence: what it is, its source, the value (editable within
 * the field's bounds), the verbatim quote and the model's note, and Accept / Reject (pressing
 * the pressed one again takes the verdict back).
 */
export function DraftItemRow(props: DraftItemRowProps) {
  const { item, source, verdict, value, onVerdict, onValue } = props;
  const errorId = useId();
  const name = `${item.item} from ${source}`;
  const text = value ?? String(item.estimate.value);
  const problem = verdict === "reject" ? undefined : valueProblem(text, item);
  const edited = value !== undefined && !problem && Number(value) !== item.estimate.value;
  const toggle = (v: Verdict) => onVerdict(verdict === v ? undefined : v);
  return (
    <tr className={`draft-item ${verdict ?? "undecided"}`}>
      <th scope="row">{item.item}</th>
      <td className="draft-source">{source}</td>
      <td className="draft-value">
        <input
          type="number"
          min={item.low}
          max={item.high}
          step="any"
          value={text}
          aria-label={name}
          aria-invalid={problem !== undefined}
          aria-describedby={problem ? errorId : undefined}
          disabled={verdict === "reject"}
          onChange={(e) => onValue(e.target.value)}
        />
        <span className="hint range">
          {item.low}–{item.high}
        </span>
        {edited && <span className="tag">edited; drafted {item.estimate.value}</span>}
        {problem && (
          <span className="cell-error" id={errorId}>
            {problem}
          </span>
        )}
      </td>
      <td className="draft-evidence">
        {item.estimate.quote ? (
          <blockquote className="draft-quote">{item.estimate.quote}</blockquote>
        ) : (
          <p className="hint">No quote.</p>
        )}
        {item.estimate.note && <p className="draft-note">{item.estimate.note}</p>}
      </td>
      <td className="draft-decision">
        <div className="row-actions">
          <button
            type="button"
            className="accept"
            aria-pressed={verdict === "accept"}
            aria-label={`Accept ${name}`}
            onClick={() => toggle("accept")}
          >
            Accept
          </button>
          <button
            type="button"
            className="reject"
            aria-pressed={verdict === "reject"}
            aria-label={`Reject ${name}`}
            onClick={() => toggle("reject")}
          >
            Reject
          </button>
        </div>
        <span className="decision-state" data-testid="decision-state">
          {verdict === "accept" ? "✓ accepted" : verdict === "reject" ? "✗ rejected" : "undecided"}
        </span>
      </td>
    </tr>
  );
}
