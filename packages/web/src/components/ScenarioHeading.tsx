/** Props of {@link ScenarioHeading}. */
export interface ScenarioHeadingProps {
  /** The scenario's id. */
  id: string;
  /** The draft's title. */
  title: string;
  /** The revision opened. */
  revision: number;
  /** The newest revision (when it is later, the one opened is an older revision). */
  latest: number;
  /** The draft has unsaved edits. */
  dirty: boolean;
  /** How many problems validation found in the draft. */
  problems: number;
  /** Show the problems (in the editor). */
  onShowProblems: () => void;
}

/**
 * A scenario's title, id and revision (saying when it is an older one), with badges for
 * unsaved changes and for the draft's problems (a button to the editor).
 */
export function ScenarioHeading(props: ScenarioHeadingProps) {
  const { id, title, revision, latest, dirty, problems } = props;
  return (
    <div>
      <h1 id="scenario-title">{title}</h1>
      <p className="meta">
        <code>{id}</code> ·{" "}
        <span data-testid="revision">
          revision {revision}
          {latest > revision ? ` of ${latest} (an older revision)` : ""}
        </span>
        {dirty && <span className="badge warn">unsaved changes</span>}
        {problems > 0 && (
          <button type="button" className="badge error" onClick={props.onShowProblems}>
            {problems} problem{problems === 1 ? "" : "s"}
          </button>
        )}
      </p>
    </div>
  );
}
