import { type Scenario, validateScenario } from "@entente/core";
import type { ApiErrorItem } from "entente/wire-types";
import { useMemo, useState } from "react";
import { ApiRequestError } from "../api/api-request-error.ts";
import { scenarioApi } from "../api/scenario-api.ts";
import { useHistory } from "../editor/use-history.ts";
import { navigate, useLeaveGuard } from "../route.ts";
import { ScenarioEditor } from "./ScenarioEditor.tsx";

/** An empty scenario: the date is today, everything else is for the analyst to add. */
export function emptyScenario(today = new Date().toISOString().slice(0, 10)): Scenario {
  return {
    id: "",
    title: "",
    asOf: today,
    sources: [],
    actors: [],
    issues: [],
    stances: [],
  };
}

/**
 * A new scenario from nothing: the whole editor on an empty draft, validated as it is filled in,
 * and created on the server (as YAML) once it is valid.
 */
export function NewScenario() {
  const history = useHistory<Scenario>(emptyScenario());
  const draft = history.value;
  const [errors, setErrors] = useState<ApiErrorItem[]>([]);
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const validation = useMemo(() => validateScenario(draft), [draft]);
  const problems = validation.ok ? [] : validation.issues;
  const started = history.canUndo;

  useLeaveGuard(
    started ? () => "This new scenario has not been created yet; leave and lose it?" : undefined,
  );

  const create = async () => {
    setBusy(true);
    setMessage(undefined);
    setErrors([]);
    try {
      const created = await scenarioApi.createFromDraft(draft, "Created in the workbench");
      navigate({ page: "scenario", id: created.scenarioId, tab: "editor" }, { discard: true });
    } catch (e) {
      if (e instanceof ApiRequestError) {
        setErrors(e.errors);
        setMessage(e.message);
      } else setMessage(String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="workspace" aria-labelledby="new-title">
      <div className="workspace-head">
        <div>
          <h1 id="new-title">New scenario{draft.title ? `: ${draft.title}` : ""}</h1>
          <p className="meta">
            Not saved yet.{" "}
            {problems.length > 0
              ? `${problems.length} thing${problems.length === 1 ? "" : "s"} to fix or fill in before it can be created (listed below the editor).`
              : "Ready to create."}
          </p>
        </div>
        <div className="save-bar">
          <div className="save-actions">
            <button type="button" onClick={history.undo} disabled={!history.canUndo}>
              Undo
            </button>
            <button type="button" onClick={history.redo} disabled={!history.canRedo}>
              Redo
            </button>
            <button
              type="button"
              className="primary"
              disabled={busy || problems.length > 0}
              onClick={() => void create()}
            >
              {busy ? "Creating…" : "Create scenario"}
            </button>
          </div>
          {message && (
            <p className="error" role="alert">
              {message}
            </p>
          )}
        </div>
      </div>
      <div className="panel">
        <ScenarioEditor
          draft={draft}
          issues={problems}
          serverErrors={errors}
          onChange={(next, group) => history.set(next, group)}
          isNew
        />
      </div>
    </section>
  );
}
