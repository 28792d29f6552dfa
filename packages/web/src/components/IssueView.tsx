import { issueActors, issueMarkers, issuePlotOptions } from "@entente/charts";
import type { Scenario } from "@entente/core";
import type { ModelInfo } from "entente/wire-types";
import { useCallback, useMemo, useRef, useState } from "react";
import type { ForecastClient, LiveForecast } from "../forecast-client.ts";
import { draftCentral } from "../scenario-edit.ts";
import { DragStatus, type Latency } from "./DragStatus.tsx";
import { IssuePicker } from "./IssuePicker.tsx";
import { type PlotElement, PlotFigure } from "./PlotFigure.tsx";
import { PositionSliders } from "./PositionSliders.tsx";

/** Props of {@link IssueView}. */
export interface IssueViewProps {
  scenario: Scenario;
  issue: string;
  onIssue: (id: string) => void;
  live: LiveForecast;
  client: ForecastClient | undefined;
  models: readonly ModelInfo[];
  /** A drag or slider move is finished: write the position into the draft. */
  onMove: (actor: string, issue: string, position: number) => void;
}

interface DragState {
  actor: string;
  pointerId: number;
  last?: number;
}

/**
 * One issue on its scale: actors as dots (x = position, size = capability, colour = salience),
 * the status quo and each model's forecast as rules. Dragging a dot (or moving its slider)
 * previews the fast models' forecasts from the worker without a round trip to the server;
 * the time from the pointer event to the redrawn chart is shown underneath.
 */
export function IssueView({
  scenario,
  issue,
  onIssue,
  live,
  client,
  models,
  onMove,
}: IssueViewProps) {
  const info = scenario.issues.find((i) => i.id === issue);
  const moved = live.moved?.issue === issue ? live.moved : undefined;
  const row = live.table?.issues.find((r) => r.issue === issue);
  const maxCapability = useMemo(
    () =>
      Math.max(
        1,
        ...scenario.actors.map((a) => draftCentral(a.capability)).filter(Number.isFinite),
      ),
    [scenario.actors],
  );
  const actors = useMemo(
    () => issueActors(scenario, issue, moved, draftCentral),
    [scenario, issue, moved],
  );
  const markers = useMemo(
    () => issueMarkers(row, live.table?.models.filter((m) => !m.unavailable) ?? [], live.stale),
    [row, live.table, live.stale],
  );
  const options = useMemo(
    () =>
      info
        ? issuePlotOptions({
            min: info.scale.min,
            max: info.scale.max,
            unit: info.scale.unit,
            minLabel: info.scale.minLabel,
            maxLabel: info.scale.maxLabel,
            marks: info.scale.marks,
            actors,
            markers,
            maxCapability,
          })
        : undefined,
    [info, actors, markers, maxCapability],
  );

  const chart = useRef<HTMLDivElement>(null);
  const xScale = useRef<{ invert?: (px: number) => number } | undefined>(undefined);
  const drag = useRef<DragState | undefined>(undefined);
  const [latency, setLatency] = useState<Latency | undefined>();
  const dragTimes = useRef<number[]>([]);
  const measured = useRef<number | undefined>(undefined);

  const onRender = useCallback(
    (plot: PlotElement) => {
      xScale.current = plot.scale("x") as { invert?: (px: number) => number } | undefined;
      const circles = plot.querySelectorAll("g.actors circle");
      circles.forEach((circle, k) => {
        const actor = actors[k];
        if (actor) circle.setAttribute("data-actor", actor.id);
      });
      // The chart for a drag answer is in the page now; time it at the next frame.
      const startedAt = live.startedAt;
      if (startedAt !== undefined && moved && measured.current !== startedAt) {
        measured.current = startedAt;
        const computeMs = live.computeMs ?? 0;
        requestAnimationFrame(() => {
          const ms = performance.now() - startedAt;
          const times = dragTimes.current;
          times.push(ms);
          const sorted = [...times].sort((a, b) => a - b);
          setLatency({
            ms,
            computeMs,
            median: sorted[Math.floor((sorted.length - 1) / 2)] as number,
            worst: sorted[sorted.length - 1] as number,
            updates: times.length,
          });
        });
      }
    },
    [actors, live.startedAt, live.computeMs, moved],
  );

  const valueAt = (clientX: number): number | undefined => {
    const svg = chart.current?.querySelector("g.actors")?.closest("svg");
    const invert = xScale.current?.invert;
    if (!svg || !invert || !info) return undefined;
    const rect = svg.getBoundingClientRect();
    const viewWidth = svg.viewBox.baseVal?.width || rect.width;
    const px = ((clientX - rect.left) * viewWidth) / (rect.width || 1);
    const x = invert(px);
    const clamped = Math.min(info.scale.max, Math.max(info.scale.min, x));
    return Math.round(clamped * 10) / 10;
  };

  const startedAtOf = (e: { timeStamp: number }) => {
    const now = performance.now();
    // The event's own time when it is on the performance clock, so queueing delay counts too.
    return e.timeStamp > now - 1000 && e.timeStamp <= now ? e.timeStamp : now;
  };

  if (!info) return null;

  const preview = (actor: string, position: number, startedAt: number) =>
    client?.drag({ issue, actor, position }, startedAt);

  return (
    <section className="issue-view" aria-labelledby="issue-view-title">
      <div className="toolbar">
        <h2 id="issue-view-title">{info.title}</h2>
        <IssuePicker scenario={scenario} issue={issue} onIssue={onIssue} />
      </div>
      {info.description && <p className="hint">{info.description}</p>}
      {options && (
        // Pointer dragging of the chart's dots; the sliders below are the keyboard equivalent.
        <div
          ref={chart}
          className="issue-chart"
          data-testid="issue-plot"
          onPointerDown={(e) => {
            const circle = (e.target as Element).closest?.("circle[data-actor]");
            const actor = circle?.getAttribute("data-actor");
            if (!actor || !client) return;
            e.preventDefault();
            e.currentTarget.setPointerCapture(e.pointerId);
            drag.current = { actor, pointerId: e.pointerId };
            dragTimes.current = [];
          }}
          onPointerMove={(e) => {
            const d = drag.current;
            if (!d || d.pointerId !== e.pointerId) return;
            const x = valueAt(e.clientX);
            if (x === undefined || x === d.last) return;
            d.last = x;
            preview(d.actor, x, startedAtOf(e));
          }}
          onPointerUp={(e) => {
            const d = drag.current;
            if (!d || d.pointerId !== e.pointerId) return;
            drag.current = undefined;
            if (d.last !== undefined) onMove(d.actor, issue, d.last);
          }}
          onPointerCancel={() => {
            const d = drag.current;
            drag.current = undefined;
            if (d?.last !== undefined) onMove(d.actor, issue, d.last);
          }}
        >
          <PlotFigure options={options} onRender={onRender} />
        </div>
      )}
      <DragStatus latency={latency} live={live} models={models} />
      <ul className="marker-legend" aria-label={`Forecasts on ${info.title}`}>
        {markers.map((m) => (
          <li key={m.id} data-model={m.id} className={m.stale ? "stale" : undefined}>
            <span
              className={`swatch${m.dashed ? " dashed" : ""}`}
              style={{ borderColor: m.color, background: m.dashed ? "transparent" : m.color }}
              aria-hidden="true"
            />
            {m.label} <output data-testid={`forecast-${m.id}`}>{m.value.toFixed(1)}</output>
            {m.stale && <span className="visually-hidden"> (updating)</span>}
          </li>
        ))}
      </ul>
      <PositionSliders
        issue={info}
        actors={actors}
        onStart={() => {
          dragTimes.current = [];
        }}
        onPreview={(actor, x) => preview(actor, x, performance.now())}
        onCommit={(actor, x) => onMove(actor, issue, x)}
      />
    </section>
  );
}
