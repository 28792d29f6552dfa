import type { Scenario, ValidationIssue } from "@entente/core";
import { fieldBounds, findStance } from "../scenario-edit.ts";
import { FieldInput } from "./FieldInput.tsx";

/** Props of {@link StanceDetail}. */
export interface StanceDetailProps {
  scenario: Scenario;
  actor: string;
  issue: string;
  problems: readonly ValidationIssue[];
  onChange: (next: Scenario, group?: string) => void;
  onClose: () => void;
}

/** One stance's position and salience in full: range, cited sources, or each source's estimate. */
export function StanceDetail({
  scenario,
  actor,
  issue,
  problems,
  onChange,
  onClose,
}: StanceDetailProps) {
  const found = findStance(scenario, actor, issue);
  const actorName = scenario.actors.find((a) => a.id === actor)?.name ?? actor;
  const issueTitle = scenario.issues.find((i) => i.id === issue)?.title ?? issue;
  if (!found) return null;
  return (
    <section className="stance-detail" aria-labelledby="stance-detail-title">
      <div className="toolbar">
        <h3 id="stance-detail-title">
          {actorName} on {issueTitle}
        </h3>
        <button type="button" onClick={onClose}>
          Close details
        </button>
      </div>
      {(["position", "salience"] as const).map((field) => (
        <FieldInput
          key={field}
          field={{
            kind: "estimate",
            key: [field],
            label:
              field === "position"
                ? `Position (${fieldBounds(scenario, issue, field).join("–")})`
                : "Salience (0–100)",
            bounds: () => fieldBounds(scenario, issue, field),
          }}
          at={["stances", found.index]}
          scenario={scenario}
          problems={problems}
          onChange={onChange}
        />
      ))}
    </section>
  );
}
