import type { Estimate, Scenario, ValidationIssue } from "@entente/core";
import { useMemo, useRef } from "react";
import { draftValue } from "../draft-value.ts";
import {
  cellKey,
  describeEstimate,
  errorsByCell,
  inputId,
  setCapability,
} from "../scenario-edit.ts";
import { EstimateMark } from "./EstimateMark.tsx";
import { NumberField } from "./NumberField.tsx";
import { StanceCell } from "./StanceCell.tsx";

/** Props of {@link StanceGrid}. */
export interface StanceGridProps {
  scenario: Scenario;
  /** The draft's validation problems; those inside the grid are shown in their cells. */
  issues: readonly ValidationIssue[];
  onChange: (next: Scenario, group?: string) => void;
  /** Open the full form of a stance (ranges, sources). */
  onDetails?: (actor: string, issue: string) => void;
}

/** Actors (rows, with capability) × issues (columns): each cell an actor's stance on an issue. */
export function StanceGrid({ scenario, issues, onChange, onDetails }: StanceGridProps) {
  const errors = useMemo(() => errorsByCell(scenario, issues), [scenario, issues]);
  // Each capability as it was when its input took the focus: edits move from there.
  const origin = useRef(new Map<string, Estimate>());
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="grid-scroll" aria-label="Stances: actors by issues" tabIndex={0}>
      <table className="stance-grid">
        <thead>
          <tr>
            <th scope="col">Actor</th>
            <th scope="col">Capability</th>
            {scenario.issues.map((issue) => (
              <th scope="col" key={issue.id} title={issue.description ?? issue.title}>
                <span className="issue-title">{issue.title}</span>
                <span className="scale">
                  {issue.scale.min}–{issue.scale.max}
                  {issue.scale.unit ? ` ${issue.scale.unit}` : ""}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {scenario.actors.map((actor) => {
            const key = cellKey(actor.id, "", "capability");
            return (
              <tr key={actor.id}>
                <th scope="row" title={actor.description ?? actor.name}>
                  {actor.name}
                </th>
                <td className="capability">
                  <NumberField
                    id={inputId(actor.id, "", "capability")}
                    short="cap"
                    label={`${actor.name} capability`}
                    value={draftValue(actor.capability)}
                    errors={errors.get(key)}
                    onFocus={() => origin.current.set(actor.id, actor.capability)}
                    onBlur={() => origin.current.delete(actor.id)}
                    onChange={(x) =>
                      onChange(
                        setCapability(scenario, actor.id, x, origin.current.get(actor.id)),
                        `capability:${actor.id}`,
                      )
                    }
                  />
                  <EstimateMark
                    description={describeEstimate(actor.capability, scenario.sources)}
                  />
                </td>
                {scenario.issues.map((issue) => (
                  <StanceCell
                    key={issue.id}
                    scenario={scenario}
                    actor={actor}
                    issue={issue}
                    errors={errors}
                    onChange={onChange}
                    {...(onDetails ? { onDetails } : {})}
                  />
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
