/**
 * The deal chart: two parties' utilities for no deal, the region both prefer to it, the Pareto
 * frontier, the Nash, Kalai–Smorodinsky and welfare packages, the win-set under the ratifiers
 * with its most robust package, and the path of single-issue steps from the status quo; zoomed
 * to the region these occupy.
 * @module
 */
import * as Plot from "@observablehq/plot";

/** A package as the chart needs it: each party's utility (0 = its worst package, 1 = its best). */
export interface DealPoint {
  utilities: readonly number[];
}

/** What the deal chart draws; the deals document of `entente deals --format json` fits it. */
export interface DealChart {
  /** Each party's utility of no deal (the status quo). */
  reservations: readonly number[];
  nash?: DealPoint | null | undefined;
  kalaiSmorodinsky?: DealPoint | null | undefined;
  maxWelfare?: DealPoint | null | undefined;
  path: ReadonlyArray<{ utilityA: number; utilityB: number }>;
  /** The Pareto frontier's points, [utility of A, utility of B]. */
  frontier?: ReadonlyArray<readonly [number, number]> | undefined;
  /** Packages every ratifier accepts, and the one with the most room for all of them. */
  winSet?:
    | {
        points?: ReadonlyArray<readonly [number, number]> | undefined;
        robust?: { utilities?: readonly [number, number] | undefined } | undefined;
      }
    | undefined;
}

/**
 * The region of the unit square that matters: every point drawn, padded by 8 % of its span
 * (at least 0.05), clipped to [0, 1] — so a cluster near one corner fills the chart.
 */
export function dealDomain(values: readonly number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const pad = Math.max(0.05, (hi - lo) * 0.08);
  return [Math.max(0, lo - pad), Math.min(1, hi + pad)];
}

interface Point {
  label: string;
  ua: number;
  ub: number;
  color: string;
}

/** Observable Plot options for the deal chart between parties `names`. */
export function dealPlotOptions(
  doc: DealChart,
  names: readonly [string, string],
  width = 680,
): Plot.PlotOptions {
  const ra = doc.reservations[0] ?? 0;
  const rb = doc.reservations[1] ?? 0;
  const points: Point[] = [{ label: "no deal", ua: ra, ub: rb, color: "#555" }];
  const add = (label: string, p: DealPoint | null | undefined, color: string) => {
    if (p) points.push({ label, ua: p.utilities[0] ?? 0, ub: p.utilities[1] ?? 0, color });
  };
  add("Nash", doc.nash, "#59a14f");
  add("Kalai–Smorodinsky", doc.kalaiSmorodinsky, "#b07aa1");
  add("max welfare", doc.maxWelfare, "#4e79a7");
  const robust = doc.winSet?.robust?.utilities;
  if (robust) add("most robust (win-set)", { utilities: robust }, "#e15759");
  const path = [{ ua: ra, ub: rb }, ...doc.path.map((s) => ({ ua: s.utilityA, ub: s.utilityB }))];
  const frontier = [...(doc.frontier ?? [])]
    .map(([ua, ub]) => ({ ua, ub }))
    .sort((p, q) => p.ua - q.ua || q.ub - p.ub);
  const winSet = (doc.winSet?.points ?? []).map(([ua, ub]) => ({ ua, ub }));
  const all = [...points, ...path, ...frontier, ...winSet];
  const xDomain = dealDomain(all.map((p) => p.ua));
  const yDomain = dealDomain(all.map((p) => p.ub));
  return {
    width,
    height: Math.round(width * 0.68),
    marginLeft: 56,
    marginRight: 150,
    marginBottom: 44,
    x: { domain: xDomain, label: `utility of ${names[0]} →`, grid: true },
    y: { domain: yDomain, label: `↑ utility of ${names[1]}`, grid: true },
    marks: [
      Plot.rect([{ x1: ra, x2: xDomain[1], y1: rb, y2: yDomain[1] }], {
        x1: "x1",
        x2: "x2",
        y1: "y1",
        y2: "y2",
        fill: "#59a14f",
        fillOpacity: 0.08,
      }),
      Plot.ruleX([ra], { stroke: "#aaa", strokeDasharray: "3,3" }),
      Plot.ruleY([rb], { stroke: "#aaa", strokeDasharray: "3,3" }),
      Plot.dot(winSet, { x: "ua", y: "ub", r: 1.6, fill: "#e15759", fillOpacity: 0.35 }),
      Plot.line(frontier, {
        x: "ua",
        y: "ub",
        stroke: "#333",
        strokeWidth: 1.5,
        curve: "step-after",
      }),
      Plot.line(path, { x: "ua", y: "ub", stroke: "#f28e2b", strokeWidth: 1.5, marker: "dot" }),
      Plot.dot(points, { x: "ua", y: "ub", r: 6, fill: (d: Point) => d.color, stroke: "#fff" }),
      Plot.text(points, {
        x: "ua",
        y: "ub",
        text: "label",
        dx: 9,
        textAnchor: "start",
        fill: (d: Point) => d.color,
        fontWeight: "bold",
      }),
      Plot.text(["both prefer a deal"], {
        frameAnchor: "top-right",
        dx: -6,
        dy: 6,
        fill: "#3d7a36",
      }),
    ],
  };
}
