import type { DeletedScenario, ScenarioSummary } from "entente/wire-types";
import { type ReactNode, useCallback, useEffect, useState } from "react";
import { ApiRequestError } from "../api/api-request-error.ts";
import { scenarioApi } from "../api/scenario-api.ts";
import { budapestYaml } from "../budapest.ts";
import { navigate } from "../route.ts";
import { ImportFile } from "./ImportFile.tsx";

/**
 * Every stored scenario (open, copy, delete), new ones (from nothing, from articles, from the
 * Budapest scenario, or imported from a file), and the deleted ones (restore or remove).
 */
export function ScenarioList() {
  const [scenarios, setScenarios] = useState<ScenarioSummary[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const [deleted, setDeleted] = useState<DeletedScenario[]>();
  const [notice, setNotice] = useState<string | undefined>();

  const load = useCallback(() => {
    scenarioApi.scenarios().then(setScenarios, (e: Error) => setError(e.message));
    scenarioApi.deletedScenarios().then(setDeleted, () => setDeleted([]));
  }, []);

  const act = async (what: () => Promise<unknown>, done: string) => {
    setError(undefined);
    try {
      await what();
      setNotice(done);
      load();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const copy = async (s: ScenarioSummary) => {
    const id = window.prompt(`Id of the copy of “${s.title}”:`, `${s.id}-copy`);
    if (!id) return;
    setError(undefined);
    try {
      const text = await scenarioApi.scenarioText(s.id, s.latestRevision);
      const ext = text.trimStart().startsWith("{") ? "json" : "yaml";
      const made = await scenarioApi.importFile(
        `${s.id}.${ext}`,
        text,
        id.trim(),
        `Copied from ${s.id} revision ${s.latestRevision}`,
      );
      open(made.scenarioId);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const rename = async (s: ScenarioSummary) => {
    const title = window.prompt(`New title for “${s.title}”:`, s.title)?.trim();
    if (!title || title === s.title) return;
    await act(async () => {
      const latest = await scenarioApi.scenario(s.id);
      await scenarioApi.saveScenario(
        s.id,
        { ...latest.scenario, title },
        latest.revision,
        `Renamed from “${s.title}”`,
      );
    }, `Renamed “${s.title}” to “${title}” (a new revision; the id stays ${s.id}).`);
  };

  const remove = (s: ScenarioSummary) => {
    if (
      !window.confirm(
        `Delete “${s.title}” (${s.id})? It can be restored from “Deleted scenarios” for 30 days.`,
      )
    )
      return;
    void act(
      () => scenarioApi.deleteScenario(s.id),
      `Deleted “${s.title}”; restore it below within 30 days.`,
    );
  };
  useEffect(load, [load]);

  const open = (id: string) => navigate({ page: "scenario", id, tab: "issues" });

  const createBudapest = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const created = await scenarioApi.createScenario(budapestYaml, "yaml");
      open(created.scenarioId);
    } catch (e) {
      const existing = scenarios?.find((s) => s.id === "budapest-2025");
      if (e instanceof ApiRequestError && e.status === 409 && existing) open(existing.id);
      else setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="scenario-list" aria-labelledby="scenario-list-title">
      <div className="toolbar">
        <h1 id="scenario-list-title">Scenarios</h1>
        <div className="save-actions">
          <button type="button" className="primary" onClick={() => navigate({ page: "new" })}>
            New scenario
          </button>
          <button type="button" onClick={() => navigate({ page: "draft" })}>
            Draft from articles
          </button>
          <button type="button" onClick={createBudapest} disabled={busy}>
            New from the built-in Budapest scenario
          </button>
        </div>
      </div>
      {notice && (
        <p className="ok" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {scenarios === undefined && !error && <p>Loading…</p>}
      {scenarios?.length === 0 && (
        <p className="empty">
          No scenarios stored yet. Start a new one, start from the built-in Budapest 2025 scenario,
          import a file below, or save one with <code>entente push</code>.
        </p>
      )}
      {scenarios && scenarios.length > 0 && (
        <ScenarioTable
          rows={scenarios}
          columns={[
            ["Revision", (s) => s.latestRevision, "num"],
            ["Updated", (s) => (s.updated ? new Date(s.updated).toLocaleString() : "")],
          ]}
          actions={(s) => (
            <>
              <button type="button" onClick={() => open(s.id)} aria-label={`Open ${s.title}`}>
                Open
              </button>
              <button type="button" onClick={() => void copy(s)} aria-label={`Copy ${s.title}`}>
                Copy
              </button>
              <button type="button" onClick={() => void rename(s)} aria-label={`Rename ${s.title}`}>
                Rename
              </button>
              <button
                type="button"
                className="danger"
                onClick={() => remove(s)}
                aria-label={`Delete ${s.title}`}
              >
                Delete
              </button>
            </>
          )}
        />
      )}
      <ImportFile />
      {deleted && deleted.length > 0 && (
        <details className="deleted">
          <summary>Deleted scenarios ({deleted.length})</summary>
          <ScenarioTable
            rows={deleted}
            columns={[
              ["Deleted", (s) => new Date(s.deleted).toLocaleString()],
              ["Kept until", (s) => new Date(s.purgeAfter).toLocaleDateString()],
            ]}
            actions={(s) => (
              <>
                <button
                  type="button"
                  onClick={() =>
                    void act(() => scenarioApi.restoreScenario(s.id), `Restored “${s.title}”.`)
                  }
                >
                  Restore
                </button>
                <button
                  type="button"
                  className="danger"
                  onClick={() => {
                    if (
                      window.confirm(
                        `Remove “${s.title}” and all its revisions and runs for good? This cannot be undone.`,
                      )
                    ) {
                      void act(
                        () => scenarioApi.purgeScenario(s.id),
                        `Removed “${s.title}” for good.`,
                      );
                    }
                  }}
                >
                  Remove for good
                </button>
              </>
            )}
          />
        </details>
      )}
    </section>
  );
}

/** Scenarios as a table: title, id, the given columns, and a cell of actions per row. */
function ScenarioTable<T extends ScenarioSummary>(props: {
  rows: readonly T[];
  columns: ReadonlyArray<[string, (row: T) => ReactNode, string?]>;
  actions: (row: T) => ReactNode;
}) {
  return (
    <table className="data">
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Id</th>
          {props.columns.map(([head]) => (
            <th scope="col" key={head}>
              {head}
            </th>
          ))}
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((s) => (
          <tr key={s.id}>
            <td>{s.title}</td>
            <td>
              <code>{s.id}</code>
            </td>
            {props.columns.map(([head, cell, className]) => (
              <td key={head} className={className}>
                {cell(s)}
              </td>
            ))}
            <td className="row-actions">{props.actions(s)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
