import { fmt } from "@entente/charts";
import { useId } from "react";
import { type EstimateDescription, estimateTooltip } from "../scenario-edit.ts";

/**
 * A small mark beside a number that has a range or disagreeing sources (or cites sources):
 * the range or "disputed", with the sources' titles as a tooltip on hover and on focus.
 */
export function EstimateMark({ description }: { description: EstimateDescription }) {
  const id = useId();
  const { kind, sources } = description;
  if (kind === "plain" && sources.length === 0) return null;
  const text =
    kind === "range"
      ? `${fmt(description.low)}–${fmt(description.high)}`
      : kind === "disputed"
        ? `disputed ${fmt(description.low)}–${fmt(description.high)}`
        : "src";
  const tooltip = estimateTooltip(description);
  return (
    <span className="estimate-mark">
      {/* A button, so keyboard users can focus it and read the sources in the tooltip. */}
      <button
        type="button"
        className={`tag ${kind}`}
        title={tooltip}
        aria-describedby={id}
        data-sources={sources.map((s) => s.title).join(" | ")}
      >
        {text}
      </button>
      <span role="tooltip" id={id} className="tooltip">
        {kind === "disputed" && (
          <strong>Sources disagree (central value {fmt(description.central)})</strong>
        )}
        {kind === "range" && (
          <strong>
            {fmt(description.central)}, plausible range {fmt(description.low)}–
            {fmt(description.high)}
          </strong>
        )}
        {description.note && <span className="note">{description.note}</span>}
        <ul>
          {sources.map((s, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a source can be cited twice in a list
            <li key={k}>
              {s.value !== undefined && <b>{fmt(s.value)}</b>} {s.title}
              {s.note && <span className="note"> — {s.note}</span>}
            </li>
          ))}
        </ul>
      </span>
    </span>
  );
}
