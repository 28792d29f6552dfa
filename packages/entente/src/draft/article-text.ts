import { parseHTML } from "linkedom";

/** The article formats `entente draft` reads, by file extension. */
export type ArticleFormat = "text" | "markdown" | "html";

/** The format of an article file from its name: `.md`/`.markdown`, `.html`/`.htm`, else plain text. */
export function articleFormat(name: string): ArticleFormat {
  const ext = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? "";
  if (ext === "md" || ext === "markdown") return "markdown";
  if (ext === "html" || ext === "htm" || ext === "xhtml") return "html";
  return "text";
}

/**
 * An article's readable text and title. The model reads this text and its quotes are checked
 * against it, so markup never decides whether a quote is found: HTML keeps only what a reader
 * sees (no scripts, styles or tags; blocks on their own lines), Markdown loses its syntax
 * (heading marks, emphasis, link targets, list bullets, code fences). Plain text is kept as is.
 */
export function articleText(
  content: string,
  format: ArticleFormat,
): { text: string; title?: string | undefined } {
  if (format === "html") return htmlText(content);
  if (format === "markdown") return markdownText(content);
  return { text: content, title: undefined };
}

const BLOCK =
  /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|BR|DD|DIV|DL|DT|FIGCAPTION|FIGURE|FOOTER|H[1-6]|HEADER|HR|LI|MAIN|NAV|OL|P|PRE|SECTION|TABLE|TD|TH|TR|UL)$/;
const HIDDEN = /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|SVG|HEAD|IFRAME|OBJECT)$/;

interface HtmlNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<HtmlNode>;
}

function htmlText(html: string): { text: string; title?: string | undefined } {
  const { document } = parseHTML(
    html.includes("<html") ? html : `<html><body>${html}</body></html>`,
  );
  const title =
    document.querySelector("title")?.textContent?.trim() ||
    document.querySelector("h1")?.textContent?.trim() ||
    undefined;
  const parts: string[] = [];
  const walk = (node: HtmlNode) => {
    if (node.nodeType === 3) parts.push((node.textContent ?? "").replace(/\s+/g, " "));
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (HIDDEN.test(name)) return;
    const block = BLOCK.test(name);
    if (block) parts.push("\n");
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i] as HtmlNode);
    if (block) parts.push("\n");
  };
  walk((document.body ?? document.documentElement) as unknown as HtmlNode);
  return { text: tidyLines(parts.join("")), title };
}

function markdownText(md: string): { text: string; title?: string | undefined } {
  let title: string | undefined;
  const lines: string[] = [];
  let body = md.replace(/\r\n?/g, "\n");
  body = body.replace(/^---\n[\s\S]*?\n---\n/, ""); // front matter
  for (const raw of body.split("\n")) {
    if (/^\s*(```|~~~)/.test(raw)) continue; // code fences (their content is kept)
    if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(raw)) continue; // link reference definitions
    if (/^\s{0,3}([-*_]\s*){3,}$/.test(raw)) continue; // thematic breaks
    let line = raw
      .replace(/^\s{0,3}>\s?/, "")
      .replace(/^\s*([-*+]|\d+[.)])\s+/, "")
      .replace(/^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/, (_, h: string) => {
        title ??= inline(h).trim();
        return h;
      });
    line = inline(line);
    lines.push(line);
  }
  return { text: tidyLines(lines.join("\n")), title };
}

/** Markdown inline syntax removed: images and links keep their text, emphasis and code marks go. */
function inline(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
    .replace(/<(https?:\/\/[^>\s]+)>/g, "$1")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2")
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?![\w*])/g, "$1$2")
    .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, "$1$2")
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, "$1");
}

/** Trailing spaces gone, at most one blank line between paragraphs, no blank lines at the ends. */
function tidyLines(text: string): string {
  return text
    .split("\n")
    .map((l) => l.replace(/[ \t]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
