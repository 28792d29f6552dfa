/**
 * A brief as Markdown: the same text as the HTML report, each chart replaced by its caption.
 * The golden test pins this text, so a change of wording or of a number is a visible diff.
 * @module
 */
import type { Block, Brief, BriefSource, Section, Text } from "./brief.ts";

/** Render a brief as Markdown (GitHub-flavoured tables, citations linked to the sources). */
export function briefMarkdown(brief: Brief): string {
  const out: string[] = [
    `# ${mdEscape(brief.title)}`,
    "",
    `As of ${mdEscape(brief.asOf)}. ${mdEscape(brief.run)}.`,
    "",
    `**Summary.** ${inline(brief.summary, brief.sources)}`,
    "",
  ];
  for (const section of brief.sections) writeSection(out, section, 2, brief.sources);
  out.push("## Sources", "");
  for (const s of brief.sources) {
    const link = s.href ? ` <${autolink(s.href)}>` : "";
    out.push(`${s.n}. <a id="src-${s.id}"></a>${mdEscape(s.text)}${link}`);
  }
  return `${out.join("\n")}\n`;
}

function writeSection(
  out: string[],
  section: Section,
  level: number,
  sources: readonly BriefSource[],
) {
  out.push(`${"#".repeat(level)} ${mdEscape(section.title)}`, "");
  for (const block of section.blocks) out.push(...blockLines(block, sources), "");
  for (const sub of section.sections ?? []) writeSection(out, sub, level + 1, sources);
}

function blockLines(block: Block, sources: readonly BriefSource[]): string[] {
  switch (block.kind) {
    case "p": {
      const text = inline(block.text, sources);
      if (block.role === "headline") return [`**${text}**`];
      if (block.role === "note") return [`_${text}_`];
      return [escapeLineStart(text)];
    }
    case "list":
      return block.items.map((item) => `- ${inline(item, sources)}`);
    case "chart":
      return [`_Chart: ${mdEscape(block.caption)}_`];
    case "table": {
      const cell = (t: Text) => inline(t, sources);
      return [
        `_${mdEscape(block.caption)}_`,
        "",
        `| ${block.head.map(mdEscape).join(" | ")} |`,
        `| ${block.head.map((_, k) => (block.numeric?.[k] ? "--:" : "---")).join(" | ")} |`,
        ...block.rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
      ];
    }
  }
}

function inline(text: Text, sources: readonly BriefSource[]): string {
  return text
    .map((run) => {
      if (typeof run === "string") return mdEscape(run);
      if ("strong" in run) return `**${mdEscape(run.strong)}**`;
      if ("href" in run) return `[${mdEscape(run.text)}](<${autolink(run.href)}>)`;
      const links = [...new Set(run.cite)].map((id) => {
        const s = sources.find((x) => x.id === id);
        return s ? `[${s.n}](#src-${id})` : mdEscape(id);
      });
      return `\\[${links.join(", ")}\\]`;
    })
    .join("");
}

/**
 * Scenario text in running Markdown: on one line, with every character that could start inline
 * syntax, HTML or a table cell escaped (CommonMark lets any ASCII punctuation be escaped).
 */
function mdEscape(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").replace(/([\\`*_[\]<>|&])/g, "\\$1");
}

/** A paragraph must not start a heading, quote, list or rule. */
function escapeLineStart(line: string): string {
  return line.replace(/^([#>+=-])/, "\\$1").replace(/^(\d+)([.)])/, "$1\\$2");
}

/** A URL inside `<…>`: the characters an autolink cannot hold, percent-encoded. */
function autolink(url: string): string {
  return url.replace(/[<>\s"]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
