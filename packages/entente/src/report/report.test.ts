// The report of a small invented scenario (test/fixtures/report/harbour-talks.yaml): its text is
// pinned by a golden file, a few numbers are re-derived by hand below, and the HTML is checked
// for what a reader's browser needs (no network, charts with marks, every headline).
import { type Calibration, DEU3_CALIBRATION, type Issue, type Scenario } from "@entente/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectGolden } from "../../../../test/support/golden.ts";
import { readScenario } from "../io/read-scenario.ts";
import { closeSimulationPools } from "../pool/run-simulation.ts";
import type { Brief } from "./brief.ts";
import { plainText } from "./brief.ts";
import { briefHtml } from "./brief-html.ts";
import { briefMarkdown } from "./brief-markdown.ts";
import { buildBrief } from "./build-brief.ts";
import { reportData } from "./report-data.ts";

const fixture = new URL("../../../../test/fixtures/report/harbour-talks.yaml", import.meta.url)
  .pathname;

let brief: Brief;
let markdown: string;
let html: string;

beforeAll(async () => {
  const { scenario } = await readScenario(fixture);
  const data = await reportData(scenario, {
    samples: 2000,
    seed: 7,
    models: ["compromise", "weighted-median", "eum"],
    calibration: DEU3_CALIBRATION,
    workers: 0,
  });
  brief = buildBrief(data, "0.1.0");
  markdown = briefMarkdown(brief);
  html = briefHtml(brief);
});

afterAll(() => closeSimulationPools());

describe("the report of harbour-talks", () => {
  it("says what the golden file says", () => {
    // Monte Carlo figures (medians, ranges, probabilities) are this run's: 2,000 samples, seed 7,
    // the shipped DEU III calibration; `npm run entente -- report
    // test/fixtures/report/harbour-talks.yaml -n 2000 --seed 7 -o x.md` prints the same text.
    expectGolden("report-harbour-talks.md", markdown);
  });

  it("has the sections in the issue's order", () => {
    const order = [
      "## Background",
      "## Issues: where each one lands",
      "### Wage rise",
      "### Pace of automation",
      "## Phases",
      "## Questions",
      "## The deal space between Port authority and Dockers' union",
      "## What each side can offer",
      "## Which assumption matters most",
      "## Models and their record on real decisions",
      "## Sources",
    ].map((h) => markdown.indexOf(`\n${h}\n`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("reproduces point forecasts computed by hand", () => {
    // Compromise = Σ c·s·x / Σ c·s (Achen 2006) over the one phase, in which every actor sits:
    // wage (60·60·3 + 40·90·7 + 20·30·5) / (60·60 + 40·90 + 20·30) = 39000 / 7800 = 5.00
    // (the union's 7 is the mean of its sources' 8 and 6);
    // automation (60·70·80 + 40·80·10 + 20·40·40) / (4200 + 3200 + 800) = 400000 / 8200 = 48.8.
    expect(markdown).toContain("| Compromise | 5.00 |");
    expect(markdown).toContain("| Compromise | 48.8 |");
    // Weighted median on automation: weights 3200 at 10, 800 at 40, 4200 at 80; half of 8200 is
    // first passed at 80.
    expect(markdown).toContain("| Weighted median | 80.0 |");
    // Deal space: two issues on an 11-point grid, 11 × 11 packages.
    expect(markdown).toContain("(121 packages)");
  });

  it("cites the sources behind every sourced input", () => {
    expect(markdown).toContain(
      "| Port authority | 3.00 (2.00–4.00) \\[[1](#src-memo)\\] | 60 \\[[1](#src-memo)\\] |",
    );
    expect(markdown).toContain('1. <a id="src-memo"></a>Negotiator\'s briefing memo');
    expect(html).toContain('<li id="src-survey">');
    expect(html).toContain('<a href="#src-memo"');
  });

  it("writes a self-contained page: no external src or href but the sources' own URLs", () => {
    const external = [...html.matchAll(/\b(?:src|href)="(https?:[^"]*)"/g)].map((m) => m[1]);
    expect(external).toEqual(["https://example.org/survey"]);
    expect(html).not.toMatch(/<script|<link |@import|url\((?!#)/);
  });

  it("draws every chart as an SVG with marks", () => {
    const charts = brief.sections
      .flatMap((s) => [s, ...(s.sections ?? [])])
      .flatMap((s) => s.blocks)
      .filter((b) => b.kind === "chart");
    const figures = html.split('<figure class="chart"').slice(1);
    expect(figures).toHaveLength(charts.length);
    expect(charts.length).toBe(2 * 2 + 1 + 2);
    for (const figure of figures) {
      expect(figure).toMatch(/<svg/);
      expect(figure).toMatch(/<(circle|rect|path|line)\b/);
    }
  });

  it("gives each issue a headline built from its scale's labels", () => {
    const headlines = brief.sections
      .flatMap((s) => s.sections ?? [])
      .flatMap((s) => s.blocks)
      .filter((b) => b.kind === "p" && b.role === "headline")
      .map((b) => (b.kind === "p" ? plainText(b.text, brief.sources) : ""));
    expect(headlines).toHaveLength(2);
    expect(headlines[0]).toMatch(/^Most likely: Inflation only \(\d+ %; 80 %: /);
    for (const h of headlines) expect(html).toContain(h.slice(0, 40));
  });
});

const valid = (name: string) =>
  new URL(`../../../../test/fixtures/valid/${name}`, import.meta.url).pathname;

const markdownOf = async (scenario: Scenario, calibration: Calibration | null = DEU3_CALIBRATION) =>
  briefMarkdown(
    buildBrief(
      await reportData(scenario, {
        samples: 200,
        seed: 1,
        models: ["compromise"],
        calibration,
        workers: 0,
      }),
      "0.1.0",
    ),
  );

describe("reports on other inputs", () => {
  it("says when no model error is added, and shows the shipped record only for comparison", async () => {
    const { scenario } = await readScenario(fixture);
    const md = await markdownOf(scenario, null);
    expect(md).toContain("from the Compromise model with input uncertainty only (no model error");
    expect(md).toContain("This report adds no model error (calibration none)");
    expect(md).not.toContain("with its error measured on real decisions");
  });

  it("without a status quo: no offers, and no deal counted at the scale's midpoint", async () => {
    const { scenario } = await readScenario(valid("minimal.yaml"));
    const { statusQuo: _, ...tariff } = scenario.issues[0] as Issue;
    const md = await markdownOf({ ...scenario, issues: [tariff] });
    expect(md).toContain(
      "no deal (the status quo; an issue without one counts at its scale's midpoint)",
    );
    expect(md).toContain("No status quo package, so no offers can be measured against it.");
    expect(md).toContain("Note: no status-quo package, so no offers or path from it.");
  });

  it("with one actor: no deal space, and the rest of the report", async () => {
    const { scenario } = await readScenario(valid("one-actor.yaml"));
    const md = await markdownOf(scenario);
    expect(md).toContain("No deal space: the scenario has only one actor.");
    expect(md).toContain("## Models and their record on real decisions");
  });

  it("escapes scenario text that would be Markdown or HTML", () => {
    const md = briefMarkdown({
      title: "# Talks <script>alert(1)</script>",
      asOf: "2026-01-01",
      run: "r",
      summary: ["a | b *c* [d](e)\n# not a heading &amp;"],
      sections: [
        {
          id: "x",
          title: "Costs | [link](javascript:x)",
          blocks: [
            { kind: "p", text: ["1. not a list"] },
            { kind: "p", text: ["- nor this"] },
          ],
        },
      ],
      sources: [{ id: "s", n: 1, text: "<b>bold</b>", href: "https://x.org/a><script>" }],
    });
    // Nothing unescaped: every <, ] and | from the scenario comes with its backslash.
    expect(md).not.toMatch(/(?<!\\)<(script|b>)|(?<!\\)\]\(javascript/);
    expect(md).toContain("# # Talks \\<script\\>alert(1)\\</script\\>\n");
    expect(md).toContain("a \\| b \\*c\\* \\[d\\](e) # not a heading \\&amp;");
    expect(md).toContain("\n1\\. not a list\n");
    expect(md).toContain("\n\\- nor this\n");
    expect(md).toContain("<https://x.org/a%3e%3cscript%3e>");
  });
});
