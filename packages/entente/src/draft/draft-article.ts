import { type DraftArticle, draftId } from "@entente/core";
import { articleFormat, articleText } from "./article-text.ts";

/**
 * An article to draft from, by its file name and content: its readable text (the format from
 * the name's extension, see {@link articleText}), its title, and a source id made from the name
 * and unique among `taken` (which it joins). Undefined when no readable text is left.
 */
export function draftArticle(
  name: string,
  content: string,
  taken: Set<string>,
): DraftArticle | undefined {
  const { text, title } = articleText(content, articleFormat(name));
  if (text.trim() === "") return undefined;
  return { id: sourceId(name, taken), locator: name, title, text };
}

/**
 * A source id from a file name, unique among `taken`: the name without its extension as an id,
 * `source-` in front when it does not start with a letter, `-2`, `-3`… when already taken.
 * @example sourceId("000_8e747aaa07c9f6c4.txt", new Set()) // => "source-000_8e747aaa07c9f6c4"
 */
export function sourceId(name: string, taken: Set<string>): string {
  const stem = name.replace(/\.[^.]+$/, "");
  const slug = draftId(stem);
  const base =
    slug.startsWith("x-") && !/^x-/i.test(stem)
      ? `source-${slug.slice(2)}`.slice(0, 60)
      : slug.slice(0, 60);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
