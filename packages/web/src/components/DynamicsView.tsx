import { fmt } from "@entente/charts";
import type { Scenario } from "@entente/core";
import * as Plot from "@observablehq/plot";
import { useEffect, useMemo, useState } from "react";
import { ApiError, api, type ModelInfo, type RunDocument } from "../api.ts";
import { IssuePicker } from "./IssuePicker.tsx";
import { PlotFigure } from "./PlotFigure.tsx";

export interface DynamicsViewProps {
  scenarioId: string;
  revision: number;
  /** The saved revision (runs are computed by the server on it). */
  scenario: Scenario;
  models: readonly ModelInfo[];
  issue: string;
  onIssue: (id: string) => void;
  dirty: boolean;
}

type Loaded =
  | { status: "loading" }
  | { status: "done"; doc: RunDocument }
  /** `unavailable`: the scenario lacks what the model needs (422), not a failure. */
  | { status: "error"; message: string; unavailable: boolean };

/** Each actor's position round by round for every dynamic model the server offers (eum, smp…). */
export function DynamicsView(props: DynamicsViewProps) {
  const { scenarioId, revision, scenario, models, issue, onIssue, dirty } = props;
  const dynamic = useMemo(() => models.filter((m) => m.dynamic), [models]);
  const [runs, setRuns] = useState<Record<string, Loaded>>({});

  useEffect(() => {
    let live = true;
    setRuns(Object.fromEntries(dynamic.map((m) => [m.id, { status: "loading" } as Loaded])));
    for (const m of dynamic) {
      api.run(scenarioId, m.id, revision).then(
        (doc) => live && setRuns((r) => ({ ...r, [m.id]: { status: "done", doc } })),
        (e: Error) => {
          if (!live) return;
          const unavailable = e instanceof ApiError && e.status === 422;
          const message =
            e instanceof ApiError ? e.errors.map((x) => x.message).join("; ") : e.message;
          setRuns((r) => ({
            ...r,
            [m.id]: { status: "error", message: message || e.message, unavailable },
          }));
        },
      );
    }
    return () => {
      live = false;
    };
  }, [scenarioId, revision, dynamic]);

  return (
    <section className="dynamics" aria-labelledby="dynamics-title">
      <div className="toolbar">
        <h2 id="dynamics-title">Dynamics: positions over rounds</h2>
        <IssuePicker scenario={scenario} issue={issue} onIssue={onIssue} />
      </div>
      <p className="hint">
        Computed by the server on revision {revision}
        {dirty ? " (your unsaved edits are not included; save to see them here)" : ""}.
      </p>
      {dynamic.length === 0 && <p>The server lists no dynamic models.</p>}
      {dynamic.map((m) => (
        <DynamicsChart key={m.id} model={m} run={runs[m.id]} scenario={scenario} issue={issue} />
      ))}
    </section>
  );
}

function DynamicsChart({
  model,
  run,
  scenario,
  issue,
}: {
  model: ModelInfo;
  run: Loaded | undefined;
  scenario: Scenario;
  issue: string;
}) {
  const info = scenario.issues.find((i) => i.id === issue);
  const result = run?.status === "done" ? run.doc.issues.find((r) => r.issue === issue) : undefined;
  const options = useMemo((): Plot.PlotOptions | undefined => {
    if (!result || !info) return undefined;
    const name = (id: string) => scenario.actors.find((a) => a.id === id)?.name ?? id;
    const rows = (result.rounds ?? []).flatMap((r) =>
      Object.entries(r.positions).map(([actor, x]) => ({ round: r.round, actor: name(actor), x })),
    );
    const last = rows.reduce((m, r) => Math.max(m, r.round), 0);
    return {
      width: 960,
      height: 340,
      marginRight: 230,
      x: { label: "round →", domain: [0, Math.max(1, last)], ticks: Math.min(10, last + 1) },
      y: {
        label: info.scale.unit ? `↑ position (${info.scale.unit})` : "↑ position",
        domain: [info.scale.min, info.scale.max],
        grid: true,
      },
      color: { type: "categorical", scheme: "tableau10", legend: false },
      marks: [
        Plot.ruleY([result.forecast], { stroke: "#000", strokeDasharray: "4,3" }),
        Plot.text([result.forecast], {
          y: (d: number) => d,
          frameAnchor: "left",
          dy: -7,
          dx: 4,
          text: () => `forecast ${fmt(result.forecast)}`,
        }),
        Plot.line(rows, {
          x: "round",
          y: "x",
          z: "actor",
          stroke: "actor",
          strokeWidth: 1.8,
          marker: rows.length < 400 ? "dot" : null,
        }),
        Plot.text(
          rows,
          Plot.selectLast({
            x: "round",
            y: "x",
            z: "actor",
            text: "actor",
            fill: "actor",
            textAnchor: "start",
            dx: 6,
          }),
        ),
        Plot.tip(
          rows,
          Plot.pointer({
            x: "round",
            y: "x",
            title: (d: { actor: string; round: number; x: number }) =>
              `${d.actor}\nround ${d.round}: ${fmt(d.x)}`,
          }),
        ),
      ],
    };
  }, [result, info, scenario.actors]);

  return (
    <figure className="chart" data-testid={`dynamics-${model.id}`}>
      <figcaption>
        <strong>{model.label}</strong>
        {result &&
          ` · forecast ${fmt(result.forecast)} after ${Math.max(0, (result.rounds?.length ?? 1) - 1)} rounds`}
      </figcaption>
      {run?.status === "loading" && <p>Running {model.label} on the server…</p>}
      {run?.status === "error" &&
        (run.unavailable ? (
          <p className="notice">
            {model.label} cannot run on this scenario: {run.message}
          </p>
        ) : (
          <p className="error" role="alert">
            {model.label} failed: {run.message}
          </p>
        ))}
      {options && <PlotFigure options={options} />}
    </figure>
  );
}
