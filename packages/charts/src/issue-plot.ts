/**
 * The issue chart: where each actor sits on the issue's scale and which forecasts to mark, as
 * Observable Plot options. Pure data in, options out, so the workbench draws it in the browser
 * and the report renders the same chart to SVG on the server.
 * @module
 */
import {
  centralValue,
  type Estimate,
  type ForecastModel,
  type IssueForecastRow,
  type Scenario,
} from "@entente/core";
import * as Plot from "@observablehq/plot";
import { fmt } from "./fmt.ts";
import { modelColor, STATUS_QUO_COLOR } from "./model-colors.ts";

/** One actor on one issue, in the numbers the chart draws. */
export interface IssueActor {
  id: string;
  name: string;
  position: number;
  capability: number;
  salience: number;
  /** The range of the position (sourced range, or the spread of disagreeing sources). */
  low?: number;
  high?: number;
  /** Each source's reading when sources disagree. */
  estimates: number[];
}

/** A vertical marker: the status quo or one model's forecast. */
export interface IssueMarker {
  id: string;
  label: string;
  value: number;
  color: string;
  /** true for the status quo, and for a model not recomputed since the last drag. */
  dashed: boolean;
  stale: boolean;
}

/**
 * The actors with a stance on an issue, in the scenario's actor order: central position,
 * capability and salience (read by `central`; the workbench passes one that tolerates a draft's
 * half-typed values), the position's range or each source's reading. `moved` overrides one
 * actor's position (a drag) and shifts its range with it.
 */
export function issueActors(
  scenario: Scenario,
  issue: string,
  moved?: { issue: string; actor: string; position: number },
  central: (estimate: Estimate) => number = centralValue,
): IssueActor[] {
  const out: IssueActor[] = [];
  for (const actor of scenario.actors) {
    const stance = scenario.stances.find((s) => s.actor === actor.id && s.issue === issue);
    if (!stance) continue;
    const p = stance.position;
    const middle = central(p);
    const position =
      moved && moved.issue === issue && moved.actor === actor.id ? moved.position : middle;
    const shift = position - middle;
    let low: number | undefined;
    let high: number | undefined;
    let estimates: number[] = [];
    if (Array.isArray(p)) {
      estimates = p.map((e) => Number(e.value) + shift);
      low = Math.min(...estimates);
      high = Math.max(...estimates);
    } else if (typeof p === "object" && p !== null) {
      if (p.low !== undefined) low = p.low + shift;
      if (p.high !== undefined) high = p.high + shift;
    }
    out.push({
      id: actor.id,
      name: actor.name,
      position,
      capability: central(actor.capability),
      salience: central(stance.salience),
      ...(low === undefined ? {} : { low }),
      ...(high === undefined ? {} : { high }),
      estimates,
    });
  }
  return out;
}

/** The status quo and every available model's forecast for one issue. */
export function issueMarkers(
  row: IssueForecastRow | undefined,
  models: readonly ForecastModel[],
  stale: ReadonlySet<string>,
): IssueMarker[] {
  if (!row) return [];
  const markers: IssueMarker[] = [];
  if (row.statusQuo !== undefined) {
    markers.push({
      id: "status-quo",
      label: "status quo",
      value: row.statusQuo,
      color: STATUS_QUO_COLOR,
      dashed: true,
      stale: false,
    });
  }
  for (const m of models) {
    const value = row.forecasts[m.id];
    if (value === undefined) continue;
    markers.push({
      id: m.id,
      label: m.label,
      value,
      color: modelColor(m.id),
      dashed: stale.has(m.id),
      stale: stale.has(m.id),
    });
  }
  return markers;
}

/** What the chart needs besides actors and markers. */
export interface IssueChart {
  min: number;
  max: number;
  /** The scale's end labels, written under the axis at each end. */
  minLabel: string;
  maxLabel: string;
  unit?: string | undefined;
  marks?: ReadonlyArray<{ at: number; label: string }> | undefined;
  actors: readonly IssueActor[];
  markers: readonly IssueMarker[];
  /** The largest capability in the scenario, so dot sizes compare across issues. */
  maxCapability: number;
  /** A shaded stretch of the scale behind the actors, e.g. the predictive 80 % interval. */
  band?: { low: number; high: number } | undefined;
  width?: number;
}

const MARGIN_LEFT = 220;
const ROW = 34;
const LABEL_ROW = 14;
/** Width of an end label in ems (Plot wraps at about two characters per em). */
const END_LABEL_EMS = 27;

/** Observable Plot options: actors as dots (x position, size capability, colour salience, whiskers for ranges). */
export function issuePlotOptions(chart: IssueChart): Plot.PlotOptions {
  const { min, max, actors, markers } = chart;
  const span = max - min || 1;
  const anchor = (x: number) =>
    x < min + 0.12 * span ? "start" : x > max - 0.12 * span ? "end" : "middle";
  const ranges = actors.filter((a) => a.low !== undefined && a.high !== undefined);
  const estimates = actors.flatMap((a) => a.estimates.map((value) => ({ name: a.name, value })));
  const endLines = Math.max(
    ...[chart.minLabel, chart.maxLabel].map((t) => Math.ceil((t.length + 4) / (2 * END_LABEL_EMS))),
  );
  const marginBottom = 44 + 15 * endLines;
  return {
    width: chart.width ?? 960,
    height: 12 + marginBottom + LABEL_ROW * markers.length + ROW * Math.max(1, actors.length),
    marginLeft: MARGIN_LEFT,
    marginRight: 24,
    marginTop: 12 + LABEL_ROW * markers.length,
    marginBottom,
    style: { fontSize: "12px", overflow: "visible" },
    x: {
      domain: [min, max],
      // The end labels under the axis say what the numbers mean; a unit, when any, goes here.
      label: chart.unit ?? null,
      grid: false,
    },
    y: {
      domain: actors.map((a) => a.name),
      label: null,
      tickFormat: (name: string) => (name.length > 34 ? `${name.slice(0, 32)}…` : name),
    },
    r: { type: "sqrt", domain: [0, chart.maxCapability], range: [3, 16] },
    // Five bands of salience: a banded legend is easy to read off, and it draws without a
    // canvas, so the same chart renders to SVG on the server.
    color: {
      type: "quantize",
      n: 5,
      domain: [0, 100],
      scheme: "YlOrRd",
      legend: true,
      label: "salience",
    },
    marks: [
      ...(chart.band
        ? [
            Plot.rectX([chart.band], {
              x1: "low",
              x2: "high",
              fill: "#4e79a7",
              fillOpacity: 0.1,
              className: "band",
            }),
          ]
        : []),
      Plot.frame({ stroke: "#ddd" }),
      ...(chart.marks?.length
        ? [
            Plot.ruleX(chart.marks, {
              x: "at",
              stroke: "#e3e3e3",
              title: (d: { at: number; label: string }) => `${d.at}: ${d.label}`,
            }),
          ]
        : []),
      ...markers.map((m) =>
        Plot.ruleX([m.value], {
          stroke: m.color,
          strokeWidth: m.id === "status-quo" ? 1.5 : 2,
          ...(m.dashed ? { strokeDasharray: "4,3" } : {}),
          strokeOpacity: m.stale ? 0.45 : 1,
          className: `marker-${m.id}`,
        }),
      ),
      ...markers.map((m, k) =>
        Plot.text([m.value], {
          x: (d: number) => d,
          text: () => `${m.label} ${m.value.toFixed(1)}${m.stale ? " (updating)" : ""}`,
          frameAnchor: "top",
          dy: -LABEL_ROW * (markers.length - k) + 2,
          textAnchor: anchor(m.value),
          fill: m.color,
          fillOpacity: m.stale ? 0.6 : 1,
          fontWeight: m.id === "status-quo" ? "normal" : "bold",
          className: `label-${m.id}`,
        }),
      ),
      Plot.link(ranges, {
        x1: "low",
        x2: "high",
        y1: "name",
        y2: "name",
        stroke: "#888",
        strokeWidth: 2,
        strokeOpacity: 0.5,
        className: "ranges",
      }),
      // The scale's end labels, under the axis at each end.
      Plot.text([`${fmt(min)}: ${chart.minLabel}`], {
        frameAnchor: "bottom-left",
        dy: 40,
        lineAnchor: "top",
        textAnchor: "start",
        lineWidth: END_LABEL_EMS,
        fill: "#4a5260",
        className: "end-label-min",
      }),
      Plot.text([`${fmt(max)}: ${chart.maxLabel}`], {
        frameAnchor: "bottom-right",
        dy: 40,
        lineAnchor: "top",
        textAnchor: "end",
        lineWidth: END_LABEL_EMS,
        fill: "#4a5260",
        className: "end-label-max",
      }),
      Plot.tickX(estimates, { x: "value", y: "name", stroke: "#555", strokeWidth: 1.5 }),
      Plot.dot(actors, {
        x: "position",
        y: "name",
        r: "capability",
        fill: "salience",
        stroke: "#222",
        strokeWidth: 1,
        sort: null,
        className: "actors",
        title: (a: IssueActor) =>
          `${a.name}\nposition ${fmt(a.position)}${a.low !== undefined ? ` (range ${fmt(a.low)}–${fmt(a.high)})` : ""}\nsalience ${fmt(a.salience)} · capability ${fmt(a.capability)}`,
      }),
    ],
  };
}
