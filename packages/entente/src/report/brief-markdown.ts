/**
 * A brief as Markdown: the same text as the HTML report, each chart replaced by its caption.
 * The golden test pins this text, so a change of wording or of a number is a visible diff.
 * @module
 */
import type { Block, Brief, BriefSource, Section, Text } from "./brief.ts";

/** Render a brief as Markdown (GitHub-flavoured tables, citations linked to the sources). */
export function briefMarkdown(brief: Brief): string {
  const out: string[] = [
    `# ${brief.title}`,
    "",
    `As of ${brief.asOf}. ${brief.run}.`,
    "",
    `**Summary.** ${inline(brief.summary, brief.sources)}`,
    "",
  ];
  for (const section of brief.sections) writeSection(out, section, 2, brief.sources);
  out.push("## Sources", "");
  for (const s of brief.sources) {
    out.push(`${s.n}. <a id="src-${s.id}"></a>${mdEscape(s.text)}${s.href ? ` <${s.href}>` : ""}`);
  }
  return `${out.join("\n")}\n`;
}

function writeSection(
  out: string[],
  section: Section,
  level: number,
  sources: readonly BriefSource[],
) {
  out.push(`${"#".repeat(level)} ${section.title}`, "");
  for (const block of section.blocks) out.push(...blockLines(block, sources), "");
  for (const sub of section.sections ?? []) writeSection(out, sub, level + 1, sources);
}

function blockLines(block: Block, sources: readonly BriefSource[]): string[] {
  switch (block.kind) {
    case "p": {
      const text = inline(block.text, sources);
      return [
        block.role === "headline" ? `**${text}**` : block.role === "note" ? `_${text}_` : text,
      ];
    }
    case "list":
      return block.items.map((item) => `- ${inline(item, sources)}`);
    case "chart":
      return [`_Chart: ${mdEscape(block.caption)}_`];
    case "table": {
      const cell = (t: Text) => inline(t, sources).replaceAll("|", "\\|");
      return [
        `_${mdEscape(block.caption)}_`,
        "",
        `| ${block.head.join(" | ")} |`,
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
      if ("href" in run) return `[${mdEscape(run.text)}](${run.href})`;
      const links = [...new Set(run.cite)].map((id) => {
        const s = sources.find((x) => x.id === id);
        return s ? `[${s.n}](#src-${id})` : mdEscape(id);
      });
      return `\\[${links.join(", ")}\\]`;
    })
    .join("");
}

/** Characters that would start Markdown syntax inside running text. */
function mdEscape(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, "\\$1");
}
