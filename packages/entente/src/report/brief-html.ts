/**
 * A brief as one self-contained HTML page: inline CSS, the charts as inline SVG drawn on the
 * server by Observable Plot, no scripts and nothing fetched from the network (the only external
 * links are sources' own URLs). Readable on a phone and printable (A4, no chart cut across pages).
 *
 * The server-side DOM is linkedom: Plot needs only `createElementNS`, attributes and
 * `outerHTML`, which linkedom provides without jsdom's layout, resource loading and far larger
 * dependency tree (charts are drawn in milliseconds each). Plot's continuous colour ramps need a
 * canvas, which neither has; the shared charts use banded colour scales instead.
 * @module
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import type { Block, Brief, BriefSource, Section, Text } from "./brief.ts";

/** Render a brief as a self-contained HTML document. */
export function briefHtml(brief: Brief): string {
  const { document } = parseHTML("<!doctype html><html><head></head><body></body></html>");
  const svg = (block: Extract<Block, { kind: "chart" }>) =>
    Plot.plot({ ariaLabel: block.caption, ...block.options, document } as Plot.PlotOptions)
      .outerHTML;
  const toc = brief.sections.map((s) => `<li><a href="#${s.id}">${esc(s.title)}</a></li>`).join("");
  const body = brief.sections.map((s) => section(s, 2, brief.sources, svg)).join("\n");
  const sources = brief.sources
    .map(
      (s) =>
        `<li id="src-${attr(s.id)}">${esc(s.text)}${s.href ? ` <a href="${attr(s.href)}">${esc(s.href)}</a>` : ""}</li>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Entente">
<title>${esc(brief.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header>
<h1>${esc(brief.title)}</h1>
<p class="meta">As of <time>${esc(brief.asOf)}</time>. ${esc(brief.run)}.</p>
</header>
<section id="summary" class="summary"><h2>Summary</h2><p>${inline(brief.summary, brief.sources)}</p></section>
<nav aria-label="Contents"><h2>Contents</h2><ol>${toc}<li><a href="#sources">Sources</a></li></ol></nav>
${body}
<section id="sources"><h2>Sources</h2><ol class="sources">
${sources}
</ol></section>
</main>
</body>
</html>
`;
}

type Svg = (block: Extract<Block, { kind: "chart" }>) => string;

function section(s: Section, level: number, sources: readonly BriefSource[], svg: Svg): string {
  const h = `h${level}`;
  const blocks = s.blocks.map((b) => block(b, sources, svg)).join("\n");
  const subs = (s.sections ?? []).map((x) => section(x, level + 1, sources, svg)).join("\n");
  return `<section id="${attr(s.id)}" class="level${level}"><${h}>${esc(s.title)}</${h}>\n${blocks}\n${subs}</section>`;
}

function block(b: Block, sources: readonly BriefSource[], svg: Svg): string {
  switch (b.kind) {
    case "p":
      return `<p${b.role ? ` class="${b.role}"` : ""}>${inline(b.text, sources)}</p>`;
    case "list":
      return `<ul>${b.items.map((i) => `<li>${inline(i, sources)}</li>`).join("")}</ul>`;
    case "chart":
      return `<figure class="chart" id="${attr(b.id)}" data-chart="${attr(b.id)}">${svg(b)}<figcaption>${esc(b.caption)}</figcaption></figure>`;
    case "table": {
      const cls = (k: number) => (b.numeric?.[k] ? ' class="num"' : "");
      const head = b.head.map((h, k) => `<th scope="col"${cls(k)}>${esc(h)}</th>`).join("");
      const rows = b.rows
        .map(
          (row) =>
            `<tr>${row
              .map((cell, k) =>
                k === 0
                  ? `<th scope="row">${inline(cell, sources)}</th>`
                  : `<td${cls(k)}>${inline(cell, sources)}</td>`,
              )
              .join("")}</tr>`,
        )
        .join("\n");
      return `<div class="table"><table><caption>${esc(b.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
    }
  }
}

function inline(text: Text, sources: readonly BriefSource[]): string {
  return text
    .map((run) => {
      if (typeof run === "string") return esc(run);
      if ("strong" in run) return `<strong>${esc(run.strong)}</strong>`;
      if ("href" in run) return `<a href="${attr(run.href)}">${esc(run.text)}</a>`;
      const links = [...new Set(run.cite)].map((id) => {
        const s = sources.find((x) => x.id === id);
        return s ? `<a href="#src-${attr(id)}" title="${attr(s.text)}">${s.n}</a>` : esc(id);
      });
      return `<span class="cite">[${links.join(", ")}]</span>`;
    })
    .join("");
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const attr = (s: string) => esc(s).replace(/"/g, "&quot;");

const CSS = `
:root { color-scheme: light; --ink: #1d232c; --muted: #4a5260; --rule: #d9dde3; --accent: #2f5d8a; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; overflow-wrap: anywhere; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 .25rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--accent); padding-bottom: .2rem; }
h3 { font-size: 1.1rem; margin: 1.6rem 0 .4rem; }
.meta, .note, figcaption, caption { color: var(--muted); font-size: .88rem; }
.summary p { font-size: 1.02rem; }
.headline { font-weight: 600; font-size: 1.02rem; border-left: 4px solid var(--accent); padding-left: .6rem; }
nav ol { columns: 2; column-gap: 2rem; padding-left: 1.2rem; margin: 0; }
nav li { break-inside: avoid; }
a { color: var(--accent); }
.cite { font-size: .8em; white-space: nowrap; }
figure.chart { margin: 1rem 0; }
figure.chart svg { max-width: 100%; height: auto; }
figure.chart figure { margin: 0; max-width: 100% !important; }
.table { overflow-x: auto; margin: .75rem 0; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; }
caption { text-align: left; padding-bottom: .3rem; }
th, td { text-align: left; vertical-align: top; padding: .25rem .5rem; border-bottom: 1px solid var(--rule); }
thead th { border-bottom: 2px solid var(--rule); }
.num { text-align: right; font-variant-numeric: tabular-nums; }
ol.sources li { margin-bottom: .35rem; font-size: .9rem; }
@media (max-width: 600px) {
  body { font-size: 14px; }
  main { padding: 1rem .75rem 2rem; }
  nav ol { columns: 1; }
  table { font-size: .8rem; }
  th, td { padding: .2rem .3rem; }
}
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  nav { break-after: page; }
  h2, h3 { break-after: avoid; }
  figure.chart, .headline, tr { break-inside: avoid; }
  .table { overflow: visible; }
}
`;
