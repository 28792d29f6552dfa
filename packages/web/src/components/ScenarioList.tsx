import { useCallback, useEffect, useState } from "react";
import { ApiError, api, type ScenarioSummary } from "../api.ts";
import { budapestYaml } from "../budapest.ts";
import { navigate } from "../route.ts";

/** Every stored scenario, with "open" and "new from the built-in Budapest scenario". */
export function ScenarioList() {
  const [scenarios, setScenarios] = useState<ScenarioSummary[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    api.scenarios().then(setScenarios, (e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);

  const open = (id: string) => navigate({ page: "scenario", id, tab: "issues" });

  const createBudapest = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const created = await api.createScenario(budapestYaml, "yaml");
      open(created.scenarioId);
    } catch (e) {
      const existing = scenarios?.find((s) => s.id === "budapest-2025");
      if (e instanceof ApiError && e.status === 409 && existing) open(existing.id);
      else setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="scenario-list" aria-labelledby="scenario-list-title">
      <div className="toolbar">
        <h1 id="scenario-list-title">Scenarios</h1>
        <button type="button" className="primary" onClick={createBudapest} disabled={busy}>
          New from the built-in Budapest scenario
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {scenarios === undefined && !error && <p>Loading…</p>}
      {scenarios?.length === 0 && (
        <p className="empty">
          No scenarios stored yet. Start from the built-in Budapest 2025 scenario, or save one with
          the CLI.
        </p>
      )}
      {scenarios && scenarios.length > 0 && (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Id</th>
              <th scope="col">Revision</th>
              <th scope="col">Updated</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {scenarios.map((s) => (
              <tr key={s.id}>
                <td>{s.title}</td>
                <td>
                  <code>{s.id}</code>
                </td>
                <td className="num">{s.latestRevision}</td>
                <td>{s.updated ? new Date(s.updated).toLocaleString() : ""}</td>
                <td>
                  <button type="button" onClick={() => open(s.id)} aria-label={`Open ${s.title}`}>
                    Open
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
