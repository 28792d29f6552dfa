/**
 * The articles an analyst has gathered to draft a scenario from, before they are sent.
 * @module
 */

/** One article: a file name (its ending, .md/.html/.txt, decides how it is read) and its text. */
export interface PendingArticle {
  /** Stable key for the list (names may repeat before {@link withArticle} renames them). */
  key: number;
  name: string;
  text: string;
}

/** Endings the server reads as Markdown or HTML; any other name is plain text. */
export const ARTICLE_ACCEPT = ".txt,.text,.md,.markdown,.html,.htm";

/** Largest article the server takes (1 MB of UTF-8). */
export const MAX_ARTICLE_BYTES = 1_000_000;

let nextKey = 1;

/**
 * `articles` with one more at the end, its name made unique (`talks.md`, then `talks-2.md`) so
 * that each article stays its own source.
 * @example withArticle([], "talks.md", "…")[0].name // => "talks.md"
 */
export function withArticle(
  articles: readonly PendingArticle[],
  name: string,
  text: string,
): PendingArticle[] {
  const taken = new Set(articles.map((a) => a.name.toLowerCase()));
  const dot = name.lastIndexOf(".");
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
  let unique = name;
  for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = `${stem}-${n}${ext}`;
  return [...articles, { key: nextKey++, name: unique, text }];
}
