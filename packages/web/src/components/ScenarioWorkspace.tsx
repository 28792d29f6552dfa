import { type Scenario, validateScenario } from "@entente/core";
import type { ApiErrorItem, ModelInfo, RevisionInfo, ScenarioRevision } from "entente/wire-types";
import { useCallback, useEffect, useMemo, useState } from "react";
import { ApiRequestError } from "../api/api-request-error.ts";
import { scenarioApi } from "../api/scenario-api.ts";
import { useHistory } from "../editor/use-history.ts";
import { navigate, type Tab, useLeaveGuard } from "../route.ts";
import { useLiveForecast } from "../use-live-forecast.ts";
import { useServerForecast } from "../use-server-forecast.ts";
import { applyMoves, type WhatIfMove, withMove } from "../what-if-moves.ts";
import { DealView } from "./DealView.tsx";
import { DynamicsView } from "./DynamicsView.tsx";
import { IssuesPanel } from "./IssuesPanel.tsx";
import { RevisionCompare } from "./RevisionCompare.tsx";
import { SaveBar, type SaveState } from "./SaveBar.tsx";
import { ScenarioEditor } from "./ScenarioEditor.tsx";
import { ScenarioHeading } from "./ScenarioHeading.tsx";
import { UncertaintyView } from "./UncertaintyView.tsx";
import { WorkspaceTabs } from "./WorkspaceTabs.tsx";

/** Props of {@link ScenarioWorkspace}. */
export interface ScenarioWorkspaceProps {
  id: string;
  tab: Tab;
  /** An old revision to open; the latest when absent. */
  revision?: number;
  /** The models the server lists. */
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
  const [moves, setMoves] = useState<WhatIfMove[]>([]);
  const explored = useMemo(() => (draft ? applyMoves(draft, moves) : draft), [draft, moves]);
  const [revisions, setRevisions] = useState<RevisionInfo[]>([]);
  const [loadError, setLoadError] = useState<string | undefined>();
  const [save, setSave] = useState<SaveState>({ status: "idle" });
  const [issue, setIssue] = useState<string | undefined>();
  const [live, client] = useLiveForecast(explored);
  const server = useServerForecast(id, loaded);

  const latest = Math.max(0, ...revisions.map((r) => r.revision));

  const refreshRevisions = useCallback(
    () =>
      scenarioApi.revisions(id).then(
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
      scenarioApi.scenario(id, rev).then(
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

  const validation = useMemo(() => (draft ? validateScenario(draft) : undefined), [draft]);
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
      const saved = await scenarioApi.saveScenario(id, draft, base, message);
      setLoaded(saved);
      setDraft(saved.scenario);
      setSave({ status: "saved", revision: saved.revision });
      await refreshRevisions();
      if (revision !== undefined) navigate({ page: "scenario", id, tab }, { discard: true });
    } catch (e) {
      if (e instanceof ApiRequestError && e.status === 409) {
        const list = await refreshRevisions();
        const newest = Math.max(base, ...list.map((r) => r.revision));
        setSave({ status: "conflict", base, latest: newest, message: e.message });
      } else if (e instanceof ApiRequestError && e.status === 400) {
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
  const serverErrors: ApiErrorItem[] = save.status === "invalid" ? save.errors : [];
  const selectedIssue = issue ?? draft.issues[0]?.id;
  // What the server-side views work on: the saved revision (and whether the draft has moved on).
  const savedRevision = {
    scenarioId: id,
    revision: loaded.revision,
    scenario: loaded.scenario,
    dirty,
  };

  return (
    <section className="workspace" aria-labelledby="scenario-title">
      <div className="workspace-head">
        <ScenarioHeading
          id={id}
          title={draft.title}
          revision={loaded.revision}
          latest={latest}
          dirty={dirty}
          problems={problems.length}
          onShowProblems={() =>
            navigate({
              page: "scenario",
              id,
              tab: "editor",
              ...(revision === undefined ? {} : { revision }),
            })
          }
        />
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
          exportUrl={scenarioApi.exportUrl(id, loaded.revision)}
          reportUrl={scenarioApi.reportUrl(id, loaded.revision)}
          onSave={(base, message) => void saveDraft(base, message)}
          onOpenLatest={() => openRevision(undefined, true)}
        />
      </div>

      <WorkspaceTabs id={id} tab={tab} revision={revision} />

      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="panel">
        {tab === "issues" && (
          <IssuesPanel
            draft={draft}
            explored={explored ?? draft}
            moves={moves}
            onMove={(move) => setMoves((list) => withMove(list, move))}
            onResetMoves={() => setMoves([])}
            onKeepMoves={() => {
              history.set(applyMoves(draft, moves));
              setMoves([]);
            }}
            live={live}
            client={client}
            serverForecast={server.table}
            dirty={dirty}
            revision={loaded.revision}
            issue={selectedIssue}
            onIssue={setIssue}
            models={models}
          />
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
            {...savedRevision}
            models={models}
            issue={selectedIssue}
            onIssue={setIssue}
            unavailable={server.unavailable}
          />
        )}
        {tab === "uncertainty" && selectedIssue && (
          <UncertaintyView
            {...savedRevision}
            models={models}
            issue={selectedIssue}
            onIssue={setIssue}
          />
        )}
        {tab === "deals" && <DealView {...savedRevision} />}
      </div>
    </section>
  );
}
