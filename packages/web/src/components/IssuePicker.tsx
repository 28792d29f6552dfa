import type { Scenario } from "@entente/core";
import { useId } from "react";

/** Props of {@link IssuePicker}. */
export interface IssuePickerProps {
  scenario: Pick<Scenario, "issues">;
  issue: string;
  onIssue: (id: string) => void;
}

/** A labelled select of the scenario's issues. */
export function IssuePicker({ scenario, issue, onIssue }: IssuePickerProps) {
  const id = useId();
  return (
    <span className="issue-picker">
      <label htmlFor={id}>Issue</label>
      <select id={id} value={issue} onChange={(e) => onIssue(e.target.value)}>
        {scenario.issues.map((i) => (
          <option key={i.id} value={i.id}>
            {i.title}
          </option>
        ))}
      </select>
    </span>
  );
}
