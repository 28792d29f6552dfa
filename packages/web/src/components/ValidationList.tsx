import type { Path, Scenario } from "@entente/core";
import { formatPath, inputId, issueTarget } from "../scenario-edit.ts";

/** One problem to list: where (path, and line/col when the server knows them) and what. */
export interface ListedProblem {
  path: Path;
  message: string;
  line?: number | undefined;
  col?: number | undefined;
}

/** Props of {@link ValidationList}. */
export interface ValidationListProps {
  issues: readonly ListedProblem[];
  scenario: Scenario;
  title?: string;
}

/**
 * Every validation problem as `path: message`, as the CLI prints it. A problem inside the grid
 * links to its input, so a click (or Enter) moves the focus to the cell to fix.
 */
export function ValidationList({ issues, scenario, title }: ValidationListProps) {
  if (issues.length === 0) {
    return (
      <p className="valid" data-testid="validation-ok">
        ✓ The draft is valid.
      </p>
    );
  }
  const heading = title ?? `${issues.length} problem${issues.length === 1 ? "" : "s"} in the draft`;
  return (
    <section className="validation-list" aria-label={heading}>
      <h3>{heading}</h3>
      <ul>
        {issues.map((issue, k) => {
          const target = issueTarget(scenario, issue.path);
          const id =
            target.kind === "stance"
              ? inputId(target.actor, target.issue, target.field)
              : target.kind === "capability"
                ? inputId(target.actor, "", "capability")
                : undefined;
          const where = `${issue.line === undefined ? "" : `${issue.line}:${issue.col ?? 1} `}${formatPath(issue.path)}`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity beyond their order
            <li key={k}>
              {id ? (
                <a
                  href={`#${id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    document.getElementById(id)?.focus();
                  }}
                >
                  <code>{where}</code>
                </a>
              ) : (
                <code>{where}</code>
              )}
              : {issue.message}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
