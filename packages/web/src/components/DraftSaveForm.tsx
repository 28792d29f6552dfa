import type { DroppedNumber, Scenario, ValidationIssue } from "@entente/core";
import { ValidationList } from "./ValidationList.tsx";

/** Props of {@link DraftSaveForm}. */
export interface DraftSaveFormProps {
  id: string;
  title: string;
  onId: (id: string) => void;
  onTitle: (title: string) => void;
  /** Why saving is not possible yet, or undefined when it is. */
  blocked: string | undefined;
  busy: boolean;
  onSave: () => void;
  /** What the decisions leave incomplete and the save will also remove (once all are decided). */
  alsoRemoved: readonly DroppedNumber[];
  /** The reviewed scenario's validation problems at the last attempt to save, and that scenario. */
  problems: readonly ValidationIssue[];
  checked: Scenario | undefined;
  /** The server's refusal, if it refused. */
  message: string | undefined;
}

/** The new scenario's id and title, what saving will also remove, and "Save as new scenario". */
export function DraftSaveForm(props: DraftSaveFormProps) {
  const { id, title, onId, onTitle, blocked, busy, onSave, alsoRemoved } = props;
  const { problems, checked, message } = props;
  return (
    <section className="draft-save" aria-labelledby="draft-save-title">
      <h3 id="draft-save-title">Save the reviewed scenario</h3>
      <div className="draft-save-fields">
        <label className="text-field">
          <span>Scenario id</span>
          <input
            type="text"
            className="field-input"
            value={id}
            aria-label="Scenario id"
            onChange={(e) => onId(e.target.value)}
          />
        </label>
        <label className="text-field long">
          <span>Title</span>
          <input
            type="text"
            className="field-input"
            value={title}
            aria-label="Scenario title"
            onChange={(e) => onTitle(e.target.value)}
          />
        </label>
      </div>
      {alsoRemoved.length > 0 && (
        <div className="notice draft-also-removed">
          <p className="draft-also-removed-text">
            Saving also removes what your rejections leave incomplete:
          </p>
          <ul className="draft-also-removed-text">
            {alsoRemoved.map((r) => (
              <li key={`${r.item}: ${r.reason}`}>
                {r.item}: {r.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="save-actions">
        <button type="button" className="primary" disabled={busy || !!blocked} onClick={onSave}>
          {busy ? "Saving…" : "Save as new scenario"}
        </button>
        {blocked && <span className="hint">{blocked}</span>}
      </div>
      {message && (
        <p className="error" role="alert">
          {message}
        </p>
      )}
      {checked && problems.length > 0 && (
        <ValidationList
          issues={problems}
          scenario={checked}
          title={`The reviewed scenario is not valid yet (${problems.length} problem${problems.length === 1 ? "" : "s"})`}
        />
      )}
    </section>
  );
}
