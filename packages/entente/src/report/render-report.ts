/**
 * A report in one of its formats: HTML (self-contained page), PDF (that page printed by
 * Chromium) or Markdown (the same text, charts as captions).
 * @module
 */
import type { Scenario } from "@entente/core";
import { VERSION } from "../version.ts";
import { briefHtml } from "./brief-html.ts";
import { briefMarkdown } from "./brief-markdown.ts";
import { findChromium, htmlToPdf } from "./brief-pdf.ts";
import { buildBrief } from "./build-brief.ts";
import { type ReportOptions, reportData } from "./report-data.ts";

/** The formats a report is written in. */
export const REPORT_FORMATS = ["html", "pdf", "md"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * Compute and render a report. A PDF checks for Chromium before any computing
 * (`ChromiumMissingError`); see {@link reportData} for the other errors.
 */
export async function renderReport(
  scenario: Scenario,
  format: ReportFormat,
  options: ReportOptions,
): Promise<string | Uint8Array> {
  if (format === "pdf") findChromium();
  const brief = buildBrief(await reportData(scenario, options), VERSION);
  if (format === "md") return briefMarkdown(brief);
  const html = briefHtml(brief);
  return format === "pdf" ? htmlToPdf(html) : html;
}
