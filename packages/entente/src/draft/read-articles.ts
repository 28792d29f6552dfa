import { readdir, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import type { DraftArticle } from "@entente/core";
import { decodeText } from "../io/decode-text.ts";
import { InputError } from "../io/diagnostic.ts";
import { describeFsError, readInputFile } from "../io/read-input-file.ts";
import { draftArticle } from "./draft-article.ts";

/** File extensions read from a folder of articles. */
const ARTICLE_EXTENSIONS = new Set([
  ".txt",
  ".text",
  ".md",
  ".markdown",
  ".html",
  ".htm",
  ".xhtml",
]);

/**
 * The articles named on the command line: each file as given, and each folder's plain-text,
 * Markdown and HTML files (not its subfolders) in name order. Every article becomes a source
 * whose id is made from its file name; problems are reported per file at once.
 */
export async function readArticles(paths: readonly string[]): Promise<DraftArticle[]> {
  const files: string[] = [];
  const problems = [];
  for (const path of paths) {
    try {
      if ((await stat(path)).isDirectory()) {
        const names = (await readdir(path)).filter((n) =>
          ARTICLE_EXTENSIONS.has(extname(n).toLowerCase()),
        );
        if (names.length === 0) {
          problems.push({
            file: path,
            line: 1,
            col: 1,
            path: "(file)",
            message: "folder holds no .txt, .md or .html article",
          });
        }
        files.push(...names.sort().map((n) => join(path, n)));
      } else files.push(path);
    } catch (e) {
      problems.push({
        file: path,
        line: 1,
        col: 1,
        path: "(file)",
        message: describeFsError(e, "an article"),
      });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  const articles: DraftArticle[] = [];
  const ids = new Set<string>();
  for (const file of files) {
    const decoded = decodeText(await readInputFile(file, "an article file"), file);
    if ("diagnostic" in decoded) {
      const d = decoded.diagnostic;
      problems.push({
        ...d,
        message: d.message.replace(
          "a YAML or JSON text file",
          "an article as plain text, Markdown or HTML",
        ),
      });
      continue;
    }
    const article = draftArticle(basename(file), decoded.text, ids);
    if (article) articles.push(article);
    else
      problems.push({ file, line: 1, col: 1, path: "(file)", message: "no text in the article" });
  }
  if (problems.length > 0) throw new InputError(problems);
  return articles;
}
