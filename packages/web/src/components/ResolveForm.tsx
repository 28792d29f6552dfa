import type { LedgerQuestion } from "@entente/core";
import { useId, useState } from "react";
import { ledgerApi } from "../api/ledger-api.ts";

/** Props of {@link ResolveForm}. */
export interface ResolveFormProps {
  question: Pick<LedgerQuestion, "question" | "text" | "kind">;
  /** Called after the server recorded the resolution. */
  onResolved: () => void;
}

/**
 * Today as YYYY-MM-DD in UTC: the day the server gives the forecasts it records, so that a
 * resolution entered right after recording is not dated before them (which would leave them
 * unscored).
 */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Resolve a question: yes/no (or the number an issue landed on), the day it was known (today
 * by default, in UTC), the source that documents it (required) and a note; posts the resolution and
 * tells the page to reload, or shows the server's error.
 */
export function ResolveForm({ question, onResolved }: ResolveFormProps) {
  const ids = useId();
  const [outcome, setOutcome] = useState("");
  const [date, setDate] = useState(today);
  const [source, setSource] = useState("");
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const binary = question.kind === "binary";

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await ledgerApi.resolve({
        question: question.question,
        outcome: binary ? (outcome as "yes" | "no") : Number(outcome),
        date,
        source: source.trim(),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onResolved();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="resolve-form"
      aria-label={`Resolve “${question.text}”`}
      aria-busy={busy}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {binary ? (
        <fieldset>
          <legend>Outcome</legend>
          {(["yes", "no"] as const).map((o) => (
            <label key={o} className="check">
              <input
                type="radio"
                name={`${ids}-outcome`}
                value={o}
                required
                checked={outcome === o}
                onChange={() => setOutcome(o)}
              />
              {o === "yes" ? "Yes" : "No"}
            </label>
          ))}
        </fieldset>
      ) : (
        <span className="field">
          <label htmlFor={`${ids}-outcome`}>Outcome</label>
          <input
            id={`${ids}-outcome`}
            type="number"
            step="any"
            required
            value={outcome}
            onChange={(e) => setOutcome(e.target.value)}
          />
        </span>
      )}
      <span className="field">
        <label htmlFor={`${ids}-date`}>Date</label>
        <input
          id={`${ids}-date`}
          type="date"
          required
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
      </span>
      <span className="field">
        <label htmlFor={`${ids}-source`}>Source</label>
        <input
          id={`${ids}-source`}
          type="text"
          required
          placeholder="where it is documented"
          value={source}
          onChange={(e) => setSource(e.target.value)}
        />
      </span>
      <span className="field">
        <label htmlFor={`${ids}-note`}>Note</label>
        <input
          id={`${ids}-note`}
          type="text"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </span>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? "Resolving…" : "Resolve"}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
