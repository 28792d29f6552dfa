import type { Scenario, ForecastTable as Table } from "@entente/core";
import type { ModelInfo } from "entente/wire-types";
import type { ForecastClient, LiveForecast } from "../forecast-client.ts";
import { sameForecasts } from "../same-forecasts.ts";
import { withServerOnlyModels } from "../server-only-models.ts";
import type { WhatIfMove } from "../what-if-moves.ts";
import { ForecastTable } from "./ForecastTable.tsx";
import { IssueView } from "./IssueView.tsx";
import { WhatIfNotice } from "./WhatIfNotice.tsx";

/** Props of {@link IssuesPanel}. */
export interface IssuesPanelProps {
  draft: Scenario;
  /** The draft with the what-if moves applied (what the live forecast is of). */
  explored: Scenario;
  moves: readonly WhatIfMove[];
  /** A drag or slider move is finished. */
  onMove: (move: WhatIfMove) => void;
  onResetMoves: () => void;
  onKeepMoves: () => void;
  live: LiveForecast;
  client: ForecastClient | undefined;
  /** The server's forecast of the saved revision (for plug-in models, and to compare). */
  serverForecast: Table | undefined;
  /** The draft has unsaved edits. */
  dirty: boolean;
  /** The saved revision the draft came from. */
  revision: number;
  issue: string | undefined;
  onIssue: (id: string) => void;
  models: readonly ModelInfo[];
}

/**
 * The "Forecast & issues" tab: the live forecast's state, the what-if under way, every model's
 * forecast of every issue (in the browser, with the server-only models' columns from the
 * server) and one issue on its scale, where positions can be dragged to explore.
 */
export function IssuesPanel(props: IssuesPanelProps) {
  const { draft, explored, moves, live, serverForecast, dirty, revision, issue } = props;
  // Models only the server runs (plug-ins) show the saved revision's forecast.
  const table = withServerOnlyModels(live.table, serverForecast);
  const agrees =
    !dirty && live.stale.size === 0 && serverForecast && live.table
      ? sameForecasts(serverForecast, live.table)
      : undefined;
  const caption =
    moves.length > 0
      ? "What-if (moved positions, not saved), forecast in your browser"
      : dirty || live.moved
        ? "Draft with unsaved changes, forecast in your browser"
        : `Revision ${revision}${agrees === true ? ", matching the server's forecast" : agrees === false ? ", differing from the server's forecast" : ""}`;

  return (
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
        <WhatIfNotice
          draft={draft}
          moves={moves}
          onReset={props.onResetMoves}
          onKeep={props.onKeepMoves}
        />
      )}
      {table && (
        <ForecastTable
          table={table}
          scenario={draft}
          outcomes={live.outcomes}
          stale={live.stale}
          caption={caption}
          selected={issue}
          onSelect={props.onIssue}
        />
      )}
      {issue && (
        <IssueView
          key={issue}
          scenario={explored}
          issue={issue}
          onIssue={props.onIssue}
          live={live}
          client={props.client}
          models={props.models}
          onMove={(actor, iss, position) => props.onMove({ actor, issue: iss, position })}
        />
      )}
    </>
  );
}
