import type { Actor, Estimate, Issue, Scenario, ValidationIssue } from "@entente/core";
import { useRef } from "react";
import { draftValue } from "../draft-value.ts";
import {
  addStance,
  cellKey,
  describeEstimate,
  findStance,
  inputId,
  removeStance,
  type StanceField,
  setStanceValue,
} from "../scenario-edit.ts";
import { EstimateMark } from "./EstimateMark.tsx";
import { NumberField } from "./NumberField.tsx";

/** Props of {@link StanceCell}. */
export interface StanceCellProps {
  scenario: Scenario;
  actor: Actor;
  issue: Issue;
  errors: ReadonlyMap<string, ValidationIssue[]>;
  onChange: (next: Scenario, group?: string) => void;
  onDetails?: (actor: string, issue: string) => void;
}

const FIELDS: ReadonlyArray<{ field: StanceField; short: string; word: string }> = [
  { field: "position", short: "pos", word: "position" },
  { field: "salience", short: "sal", word: "salience" },
];

/** One actor's stance on one issue: position and salience, or "not involved" with an add button. */
export function StanceCell({
  scenario,
  actor,
  issue,
  errors,
  onChange,
  onDetails,
}: StanceCellProps) {
  // Each number as it was when its input took the focus: edits move from there.
  const origin = useRef<Partial<Record<StanceField, Estimate>>>({});
  const found = findStance(scenario, actor.id, issue.id);
  const where = `${actor.name} on ${issue.title}`;
  if (!found) {
    return (
      <td className="stance empty">
        <span className="not-involved">not involved</span>
        <button
          type="button"
          className="link"
          aria-label={`Add a stance for ${where}`}
          onClick={() => onChange(addStance(scenario, actor.id, issue.id))}
        >
          + add
        </button>
      </td>
    );
  }
  const hasErrors = FIELDS.some(({ field }) => errors.has(cellKey(actor.id, issue.id, field)));
  return (
    <td className={`stance${hasErrors ? " has-errors" : ""}`} data-cell={`${actor.id}|${issue.id}`}>
      {FIELDS.map(({ field, short, word }) => {
        const estimate = found.stance[field];
        return (
          <div className="field-row" key={field}>
            <NumberField
              id={inputId(actor.id, issue.id, field)}
              short={short}
              label={`${actor.name} ${word} on ${issue.title}`}
              value={draftValue(estimate)}
              errors={errors.get(cellKey(actor.id, issue.id, field))}
              onFocus={() => {
                origin.current[field] = estimate;
              }}
              onBlur={() => {
                delete origin.current[field];
              }}
              onChange={(x) =>
                onChange(
                  setStanceValue(scenario, actor.id, issue.id, field, x, origin.current[field]),
                  `${actor.id}|${issue.id}|${field}`,
                )
              }
            />
            <EstimateMark description={describeEstimate(estimate, scenario.sources)} />
          </div>
        );
      })}
      {onDetails && (
        <button
          type="button"
          className="link"
          aria-label={`Details of ${where}: range and sources`}
          onClick={() => onDetails(actor.id, issue.id)}
        >
          details
        </button>
      )}
      <button
        type="button"
        className="link remove"
        aria-label={`Remove the stance of ${where}`}
        title="Remove this stance (the actor takes no part in the issue)"
        onClick={() => onChange(removeStance(scenario, actor.id, issue.id))}
      >
        ×
      </button>
    </td>
  );
}
