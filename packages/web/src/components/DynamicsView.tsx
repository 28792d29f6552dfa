import { fmt } from "@entente/charts";
import type { EumMove, ExchangeRecord, Scenario } from "@entente/core";
import * as Plot from "@observablehq/plot";
import type { ModelInfo, RunDocument } from "entente/wire-types";
import { useEffect, useMemo, useState } from "react";
import { analysisApi } from "../api/analysis-api.ts";
import { ApiRequestError } from "../api/api-request-error.ts";
import { ExchangeTrades } from "./ExchangeTrades.tsx";
import { IssuePicker } from "./IssuePicker.tsx";
import { PlotFigure } from "./PlotFigure.tsx";

/** Props of {@link DynamicsView}. */
export interface DynamicsViewProps {
  scenarioId: string;
  revision: number;
  /** The saved revision (runs are computed by the server on it). */
  scenario: Scenario;
  models: readonly ModelInfo[];
  issue: string;
  onIssue: (id: string) => void;
  dirty: boolean;
  /**
   * Models the server's forecast of this revision says cannot run, with the reason; undefined
   * while that forecast is loading (nothing is asked of the server until it is known).
   */
  unavailable: ReadonlyMap<string, string> | undefined;
}

type Loaded =
  | { status: "loading" }
  | { status: "done"; doc: RunDocument }
  /** `unavailable`: the scenario lacks what the model needs (422), not a failure. */
  | { status: "error"; message: string; unavailable: boolean };

/** Each actor's position round by round for every dynamic model the server offers (eum, smp…). */
export function DynamicsView(props: DynamicsViewProps) {
  const { scenarioId, revision, scenario, models, issue, onIssue, dirty, unavailable } = props;
  const dynamic = useMemo(() => models.filter((m) => m.dynamic), [models]);
  const [runs, setRuns] = useState<Record<string, Loaded>>({});

  useEffect(() => {
    let live = true;
    setRuns(Object.fromEntries(dynamic.map((m) => [m.id, { status: "loading" } as Loaded])));
    if (!unavailable) return;
    for (const m of dynamic) {
      // A model that cannot run on this scenario is not asked to (no failing request).
      const why = unavailable.get(m.id);
      if (why !== undefined) {
        setRuns((r) => ({ ...r, [m.id]: { status: "error", message: why, unavailable: true } }));
        continue;
      }
      analysisApi.run(scenarioId, m.id, revision).then(
        (doc) => live && setRuns((r) => ({ ...r, [m.id]: { status: "done", doc } })),
        (e: Error) => {
          if (!live) return;
          const unavailable = e instanceof ApiRequestError && e.status === 422;
          const message =
            e instanceof ApiRequestError ? e.errors.map((x) => x.message).join("; ") : e.message;
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
  }, [scenarioId, revision, dynamic, unavailable]);

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
    const height = 340;
    // End labels: at each actor's last position, pushed apart so that none overlap.
    const finals = rows.filter((r) => r.round === last);
    const spread = spreadLabels(
      finals.map((r) => r.x),
      ((info.scale.max - info.scale.min) * 13) / (height - 50),
      info.scale.min,
      info.scale.max,
    );
    const ends = finals.map((r, k) => ({ ...r, y: spread[k] as number }));
    return {
      width: 960,
      height,
      marginRight: 230,
      x: {
        label: "round →",
        domain: [0, Math.max(1, last)],
        // Whole rounds only: every round up to 10, else about 10 ticks.
        ticks: last <= 10 ? Array.from({ length: Math.max(1, last) + 1 }, (_, t) => t) : 10,
        tickFormat: "d",
      },
      y: {
        label: `↑ position on the scale${info.scale.unit ? ` (${info.scale.unit})` : ""}`,
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
        Plot.text(ends, {
          x: "round",
          y: "y",
          text: "actor",
          fill: "actor",
          textAnchor: "start",
          dx: 8,
        }),
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
          ` · forecast ${fmt(result.forecast)} after ${roundsOf(result.rounds?.length ?? 1)}`}
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
      {options && info && (
        <p className="hint">
          Up the chart: each actor's position on the issue's scale, from {fmt(info.scale.min)} (
          {info.scale.minLabel}) to {fmt(info.scale.max)} ({info.scale.maxLabel}); dashed: the
          model's forecast.
        </p>
      )}
      {result && info && <JumpAccount result={result} scenario={scenario} issue={info} />}
      {run?.status === "done" && Array.isArray(run.doc.details?.exchanges) && (
        <ExchangeTrades
          trades={run.doc.details.exchanges as ExchangeRecord[]}
          scenario={scenario}
          issue={issue}
          label={`Exchanges that moved ${info?.title ?? issue}, in the order realised`}
        />
      )}
    </figure>
  );
}

/** "1 round", "10 rounds": the rounds after the inputs (round 0). */
function roundsOf(trajectoryLength: number): string {
  const n = Math.max(0, trajectoryLength - 1);
  return `${n} round${n === 1 ? "" : "s"}`;
}

/**
 * Spread label positions `ys` so that neighbours are at least `gap` apart, keeping their order
 * and staying within [lo, hi] where possible (labels of actors at the same place stack up).
 */
export function spreadLabels(ys: readonly number[], gap: number, lo: number, hi: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const out = new Array<number>(ys.length);
  let prev = Number.NEGATIVE_INFINITY;
  for (const o of order) {
    const y = Math.max(o.y, prev + gap);
    out[o.i] = y;
    prev = y;
  }
  // Pushed past the top: shift the whole stack down, no lower than the scale's low end.
  const over = Math.max(0, prev - hi);
  if (over > 0)
    for (let k = 0; k < out.length; k++) out[k] = Math.max(lo, (out[k] as number) - over);
  return out;
}

/**
 * When the forecast jumps (by a tenth of the scale or more in one round), say why: who took
 * whose offer in that round, largest moves first, from the model's record of its offers.
 */
function JumpAccount({
  result,
  scenario,
  issue,
}: {
  result: RunDocument["issues"][number];
  scenario: Scenario;
  issue: Scenario["issues"][number];
}) {
  const medians = result.details?.medians as number[] | undefined;
  const moves = result.details?.moves as EumMove[] | undefined;
  if (!medians || !moves || medians.length < 2) return null;
  let round = 0;
  let jump = 0;
  for (let t = 1; t < medians.length; t++) {
    const d = Math.abs((medians[t] as number) - (medians[t - 1] as number));
    if (d > jump) [round, jump] = [t, d];
  }
  if (jump < (issue.scale.max - issue.scale.min) / 10) return null;
  const name = (id: string) => scenario.actors.find((a) => a.id === id)?.name ?? id;
  const these = moves
    .filter((m) => m.round === round)
    .sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before))
    .slice(0, 3);
  return (
    <p className="notice" data-testid="jump-account">
      The forecast jumps from {fmt(medians[round - 1] as number)} to {fmt(medians[round] as number)}{" "}
      in round {round}
      {these.length > 0 ? ": " : "."}
      {these
        .map(
          (m) =>
            `${name(m.actor)} moved ${fmt(m.before)} → ${fmt(m.after)}, taking ${name(m.offerFrom)}'s offer (${m.kind === "confrontation" ? "a confrontation it expects to lose" : m.kind === "capitulation" ? "capitulating" : "a compromise"})`,
        )
        .join("; ")}
      {these.length > 0
        ? ". The forecast is the median of the positions weighted by capability × salience, so a few moves can carry it across the middle."
        : ""}
    </p>
  );
}
