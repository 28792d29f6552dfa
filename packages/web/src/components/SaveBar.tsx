import type { ApiErrorItem } from "entente/wire-types";
import { useState } from "react";

/** Where the last save attempt stands. */
export type SaveState =
  | { status: "idle" }
  | { status: "saving" }
  | { status: "saved"; revision: number }
  /** The server had a newer revision than the one the draft was based on (HTTP 409). */
  | { status: "conflict"; base: number; latest: number; message: string }
  /** The server refused the draft (HTTP 400) with these errors. */
  | { status: "invalid"; errors: ApiErrorItem[]; message: string }
  | { status: "error"; message: string };

/** Props of {@link SaveBar}. */
export interface SaveBarProps {
  state: SaveState;
  dirty: boolean;
  invalid: boolean;
  /** The revision a save builds on. */
  base: number;
  viewingOld: boolean;
  exportUrl: string;
  /** Where the saved revision's report is downloaded. */
  reportUrl: string;
  onSave: (baseRevision: number, message?: string) => void;
  onOpenLatest: () => void;
  canUndo?: boolean;
  canRedo?: boolean;
  onUndo?: () => void;
  onRedo?: () => void;
}

/** Save as a new revision, the outcome of the last save, and a 409 conflict with its choices. */
export function SaveBar({
  state,
  dirty,
  invalid,
  base,
  viewingOld,
  exportUrl,
  reportUrl,
  onSave,
  onOpenLatest,
  canUndo,
  canRedo,
  onUndo,
  onRedo,
}: SaveBarProps) {
  const [message, setMessage] = useState("");
  const save = (b: number) => {
    onSave(b, message.trim() === "" ? undefined : message.trim());
    setMessage("");
  };
  const canSave = (dirty || viewingOld) && !invalid && state.status !== "saving";
  const why = invalid
    ? "Fix the validation problems first"
    : !dirty && !viewingOld
      ? "No changes to save"
      : viewingOld
        ? `Saves this older revision's content as revision ${base + 1}`
        : `Saves revision ${base + 1}`;
  return (
    <div className="save-bar">
      <div className="save-actions">
        {onUndo && (
          <>
            <button type="button" onClick={onUndo} disabled={!canUndo} title="Undo (Ctrl+Z)">
              Undo
            </button>
            <button type="button" onClick={onRedo} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)">
              Redo
            </button>
          </>
        )}
        <a className="button" href={exportUrl} download>
          Export YAML
        </a>
        <a
          className="button"
          href={reportUrl}
          download
          data-testid="download-report"
          title="A brief for readers (HTML with charts, computed on the server from the saved revision: unsaved edits are not in it)"
        >
          Download report
        </a>
        <input
          type="text"
          className="save-message"
          aria-label="What changed (saved with the revision)"
          placeholder="What changed? (optional)"
          value={message}
          maxLength={2000}
          onChange={(e) => setMessage(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && canSave) save(base);
          }}
        />
        <button
          type="button"
          className="primary"
          onClick={() => save(base)}
          disabled={!canSave}
          title={why}
          aria-describedby="save-why"
        >
          {state.status === "saving" ? "Saving…" : "Save as new revision"}
        </button>
      </div>
      <span id="save-why" className="visually-hidden">
        {why}
      </span>
      <div aria-live="polite" className="save-status">
        {state.status === "saved" && (
          <p className="ok" data-testid="save-status">
            Saved as revision {state.revision}.
          </p>
        )}
        {state.status === "error" && (
          <p className="error" role="alert">
            Save failed: {state.message}
          </p>
        )}
        {state.status === "invalid" && (
          <p className="error" role="alert">
            The server refused the draft ({state.errors.length} problem
            {state.errors.length === 1 ? "" : "s"}; see the editor).
          </p>
        )}
      </div>
      {state.status === "conflict" && (
        <div className="conflict" role="alert" data-testid="conflict">
          <strong>Conflict: revision {state.latest} was saved while you edited.</strong>
          <p>
            Your draft is based on revision {state.base}, but the scenario is now at revision{" "}
            {state.latest}. Saving anyway would replace those changes with your draft.
          </p>
          <div className="save-actions">
            <button type="button" onClick={onOpenLatest}>
              Open revision {state.latest} (discard my draft)
            </button>
            <button type="button" className="danger" onClick={() => save(state.latest)}>
              Save my draft as revision {state.latest + 1} anyway
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
