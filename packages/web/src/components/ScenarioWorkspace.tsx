import { fmt } from "@entente/charts";
import { type Scenario, type ForecastTable as Table, validateScenario } from "@entente/core";
import { useCallback, useEffect, useMemo, useState } from "react";
import {
  ApiError,
  type ApiFieldError,
  api,
  type ModelInfo,
  type RevisionInfo,
  type ScenarioRevision,
} from "../api.ts";
import { useHistory } from "../editor/use-history.ts";
import { navigate, TABS, type Tab, useLeaveGuard } from "../route.ts";
import { setStanceValue } from "../scenario-edit.ts";
import { withServerOnlyModels } from "../server-only-models.ts";
import { useLiveForecast } from "../use-live-forecast.ts";
import { DealView } from "./DealView.tsx";
import { DynamicsView } from "./DynamicsView.tsx";
import { ForecastTable } from "./ForecastTable.tsx";
import { IssueView } from "./IssueView.tsx";
import { RevisionCompare } from "./RevisionCompare.tsx";
import { SaveBar, type SaveState } from "./SaveBar.tsx";
import { ScenarioEditor } from "./ScenarioEditor.tsx";
import { UncertaintyView } from "./UncertaintyView.tsx";

export interface ScenarioWorkspaceProps {
  id: string;
  tab: Tab;
  /** An old revision to open; the latest when absent. */
  revision?: number;
  models: readonly ModelInfo[];
}

/**
 * One scenario: the revision opened, the analyst's draft of it, the live forecast of the draft
 * (in a worker) and the views over them. Saving sends the draft as a new revision on top of the
 * revision it came from; a 409 says someone saved in between.
 */
export function ScenarioWorkspace({ id, tab, revision, models }: ScenarioWorkspaceProps) {
  const [loaded, setLoaded] = useState<ScenarioRevision | undefined>();
  const history = useHistory<Scenario | undefined>(undefined);
  const draft = history.value;
  const setDraft = history.reset;
  // What-if moves (drags and sliders in the issue view): forecast, never saved unless kept.
  const [moves, setMoves] = useState<Move[]>([]);
  const explored = useMemo(() => (draft ? applyMoves(draft, moves) : draft), [draft, moves]);
  const [revisions, setRevisions] = useState<RevisionInfo[]>([]);
  const [loadError, setLoadError] = useState<string | undefined>();
  const [save, setSave] = useState<SaveState>({ status: "idle" });
  const [serverForecast, setServerForecast] = useState<Table | undefined>();
  const [issue, setIssue] = useState<string | undefined>();
  const [live, client] = useLiveForecast(explored);

  const latest = Math.max(loaded?.latestRevision ?? 0, ...revisions.map((r) => r.revision), 0);

  const refreshRevisions = useCallback(
    () =>
      api.revisions(id).then(
        (list) => {
          setRevisions(list);
          return list;
        },
        () => [] as RevisionInfo[],
      ),
    [id],
  );

  const load = useCallback(
    (rev: number | undefined) => {
      setLoadError(undefined);
      api.scenario(id, rev).then(
        (r) => {
          setLoaded(r);
          setDraft(r.scenario);
          setMoves([]);
          setSave({ status: "idle" });
          setIssue((current) => current ?? r.scenario.issues[0]?.id);
        },
        (e: Error) => setLoadError(e.message),
      );
      void refreshRevisions();
    },
    [id, refreshRevisions, setDraft],
  );

  useEffect(() => load(revision), [load, revision]);

  useEffect(() => {
    if (!loaded) return;
    setServerForecast(undefined);
    setForecastFailed(false);
    api.forecast(id, loaded.revision).then(setServerForecast, () => {
      setServerForecast(undefined);
      setForecastFailed(true);
    });
  }, [id, loaded]);

  const validation = useMemo(() => (draft ? validateScenario(draft) : undefined), [draft]);
  // What the server's forecast of this revision says cannot run (Dynamics skips those models).
  const [forecastFailed, setForecastFailed] = useState(false);
  const unavailableModels = useMemo(
    () =>
      serverForecast
        ? new Map(
            serverForecast.models.flatMap((m) =>
              m.unavailable === undefined ? [] : [[m.id, m.unavailable] as const],
            ),
          )
        : forecastFailed
          ? new Map<string, string>()
          : undefined,
    [serverForecast, forecastFailed],
  );
  const dirty = loaded !== undefined && draft !== undefined && draft !== loaded.scenario;
  const leaveMessage = "Your unsaved edits to this scenario will be lost. Leave anyway?";

  // Unsaved edits are never dropped silently: leaving the page, the scenario or the revision asks.
  useLeaveGuard(
    dirty
      ? (next) =>
          next.page === "scenario" && next.id === id && next.revision === revision
            ? undefined
            : leaveMessage
      : undefined,
  );

  const openRevision = (rev: number | undefined, discard = false) => {
    if (rev === revision) {
      if (!dirty || discard || window.confirm(leaveMessage)) load(rev);
    } else {
      navigate(
        { page: "scenario", id, tab, ...(rev === undefined ? {} : { revision: rev }) },
        { discard },
      );
    }
  };

  const saveDraft = async (base: number, message?: string) => {
    if (!draft) return;
    setSave({ status: "saving" });
    try {
      const saved = await api.saveScenario(id, draft, base, message);
      setLoaded(saved);
      setDraft(saved.scenario);
      setSave({ status: "saved", revision: saved.revision });
      await refreshRevisions();
      if (revision !== undefined) navigate({ page: "scenario", id, tab }, { discard: true });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        const list = await refreshRevisions();
        const newest = Math.max(base, ...list.map((r) => r.revision));
        setSave({ status: "conflict", base, latest: newest, message: e.message });
      } else if (e instanceof ApiError && e.status === 400) {
        setSave({ status: "invalid", errors: e.errors, message: e.message });
      } else {
        setSave({ status: "error", message: (e as Error).message });
      }
    }
  };

  if (loadError) {
    return (
      <section className="workspace">
        <p className="error" role="alert">
          Could not open scenario “{id}”: {loadError}
        </p>
        <button type="button" onClick={() => navigate({ page: "list" })}>
          Back to the list
        </button>
      </section>
    );
  }
  if (!loaded || !draft) return <p className="loading">Loading scenario “{id}”…</p>;

  const problems = validation?.ok === false ? validation.issues : [];
  // A save builds on the revision the draft came from, so a newer save by someone else is a
  // 409; an older revision opened from the history is saved on top of the latest on purpose.
  const viewingOld = revision !== undefined && latest > loaded.revision;
  const base = viewingOld ? latest : loaded.revision;
  const serverErrors: ApiFieldError[] = save.status === "invalid" ? save.errors : [];
  // Models only the server runs (plug-ins) show the saved revision's forecast.
  const table = withServerOnlyModels(live.table, serverForecast);
  const agrees =
    !dirty && live.stale.size === 0 && serverForecast && live.table
      ? sameForecasts(serverForecast, live.table)
      : undefined;
  const selectedIssue = issue ?? draft.issues[0]?.id;

  return (
    <section className="workspace" aria-labelledby="scenario-title">
      <div className="workspace-head">
        <div>
          <h1 id="scenario-title">{draft.title}</h1>
          <p className="meta">
            <code>{id}</code> ·{" "}
            <span data-testid="revision">
              revision {loaded.revision}
              {latest > loaded.revision ? ` of ${latest} (an older revision)` : ""}
            </span>
            {dirty && <span className="badge warn">unsaved changes</span>}
            {problems.length > 0 && (
              <button
                type="button"
                className="badge error"
                onClick={() =>
                  navigate({
                    page: "scenario",
                    id,
                    tab: "editor",
                    ...(revision === undefined ? {} : { revision }),
                  })
                }
              >
                {problems.length} problem{problems.length === 1 ? "" : "s"}
              </button>
            )}
          </p>
        </div>
        <SaveBar
          state={save}
          dirty={dirty}
          invalid={problems.length > 0}
          base={base}
          canUndo={history.canUndo}
          canRedo={history.canRedo}
          onUndo={history.undo}
          onRedo={history.redo}
          viewingOld={viewingOld}
          exportUrl={api.exportUrl(id, loaded.revision)}
          reportUrl={api.reportUrl(id, loaded.revision)}
          onSave={(base, message) => void saveDraft(base, message)}
          onOpenLatest={() => openRevision(undefined, true)}
        />
      </div>

      <div role="tablist" aria-label="Views" className="tabs">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={t.id === tab}
            aria-controls={`panel-${t.id}`}
            tabIndex={t.id === tab ? 0 : -1}
            onClick={() =>
              navigate({
                page: "scenario",
                id,
                tab: t.id,
                ...(revision === undefined ? {} : { revision }),
              })
            }
            onKeyDown={(e) => {
              const k = TABS.findIndex((x) => x.id === tab);
              const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
              if (!step) return;
              const next = TABS[(k + step + TABS.length) % TABS.length] as (typeof TABS)[number];
              navigate({
                page: "scenario",
                id,
                tab: next.id,
                ...(revision === undefined ? {} : { revision }),
              });
              requestAnimationFrame(() => document.getElementById(`tab-${next.id}`)?.focus());
            }}
          >
            {t.label}
          </button>
        ))}
      </div>

      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="panel">
        {tab === "issues" && (
          <>
            {live.status === "invalid" && (
              <p className="notice" role="status">
                Live forecast paused: the draft has {live.message}. Fix them in the editor.
              </p>
            )}
            {live.status === "error" && (
              <p className="error" role="alert">
                The forecast failed: {live.message}
              </p>
            )}
            {moves.length > 0 && (
              <div className="notice what-if" role="status" data-testid="what-if">
                <p>
                  <strong>What-if:</strong> {moves.length} position{moves.length === 1 ? "" : "s"}{" "}
                  moved to explore (
                  {moves
                    .map(
                      (m) =>
                        `${actorName(draft, m.actor)} on ${issueTitle(draft, m.issue)} → ${fmt(m.position)}`,
                    )
                    .join("; ")}
                  ). The forecast shows them; they are not part of the draft and are not saved.
                </p>
                <div className="save-actions">
                  <button type="button" onClick={() => setMoves([])}>
                    Reset the what-if
                  </button>
                  <button
                    type="button"
                    onClick={() => {
                      history.set(applyMoves(draft, moves));
                      setMoves([]);
                    }}
                  >
                    Keep as edits
                  </button>
                </div>
              </div>
            )}
            {table && (
              <ForecastTable
                table={table}
                scenario={draft}
                outcomes={live.outcomes}
                stale={live.stale}
                caption={
                  moves.length > 0
                    ? "What-if (moved positions, not saved), forecast in your browser"
                    : dirty || live.moved
                      ? "Draft with unsaved changes, forecast in your browser"
                      : `Revision ${loaded.revision}${agrees === true ? ", matching the server's forecast" : agrees === false ? ", differing from the server's forecast" : ""}`
                }
                selected={selectedIssue}
                onSelect={setIssue}
              />
            )}
            {selectedIssue && (
              <IssueView
                key={selectedIssue}
                scenario={explored ?? draft}
                issue={selectedIssue}
                onIssue={setIssue}
                live={live}
                client={client}
                models={models}
                onMove={(actor, iss, x) =>
                  setMoves((list) => [
                    ...list.filter((m) => m.actor !== actor || m.issue !== iss),
                    { actor, issue: iss, position: x },
                  ])
                }
              />
            )}
          </>
        )}
        {tab === "editor" && (
          <ScenarioEditor
            draft={draft}
            issues={problems}
            serverErrors={serverErrors}
            onChange={(next, group) => history.set(next, group)}
            revisions={revisions}
            current={loaded.revision}
            latest={latest}
            onOpenRevision={(rev) => openRevision(rev === latest ? undefined : rev)}
            history={
              <RevisionCompare
                id={id}
                revisions={revisions}
                latest={latest}
                onRestored={() => {
                  if (revision === undefined) load(undefined);
                  else navigate({ page: "scenario", id, tab });
                }}
              />
            }
          />
        )}
        {tab === "dynamics" && selectedIssue && (
          <DynamicsView
            scenarioId={id}
            revision={loaded.revision}
            scenario={loaded.scenario}
            models={models}
            issue={selectedIssue}
            onIssue={setIssue}
            dirty={dirty}
            unavailable={unavailableModels}
          />
        )}
        {tab === "uncertainty" && selectedIssue && (
          <UncertaintyView
            scenarioId={id}
            revision={loaded.revision}
            scenario={loaded.scenario}
            models={models}
            issue={selectedIssue}
            onIssue={setIssue}
            dirty={dirty}
          />
        )}
        {tab === "deals" && (
          <DealView
            scenarioId={id}
            revision={loaded.revision}
            scenario={loaded.scenario}
            dirty={dirty}
          />
        )}
      </div>
    </section>
  );
}

/** A what-if move: an actor's position on an issue, for exploring only. */
interface Move {
  actor: string;
  issue: string;
  position: number;
}

function applyMoves(d: Scenario, moves: readonly Move[]): Scenario {
  return moves.reduce((s, m) => setStanceValue(s, m.actor, m.issue, "position", m.position), d);
}

const actorName = (s: Scenario, id: string) => s.actors.find((a) => a.id === id)?.name ?? id;
const issueTitle = (s: Scenario, id: string) => s.issues.find((i) => i.id === id)?.title ?? id;

/** Whether two forecast tables agree to 1e-9 on every model both list. */
function sameForecasts(a: Table, b: Table): boolean {
  return a.issues.every((row) => {
    const other = b.issues.find((r) => r.issue === row.issue);
    if (!other) return false;
    return Object.entries(row.forecasts).every(([m, x]) => {
      const y = other.forecasts[m];
      return y === undefined || Math.abs(x - y) < 1e-9;
    });
  });
}
