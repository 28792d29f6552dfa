import { useRef, useState } from "react";
import { ARTICLE_ACCEPT, MAX_ARTICLE_BYTES } from "../pending-articles.ts";

/** Props of {@link AddArticles}. */
export interface AddArticlesProps {
  /** Add one article (its name is made unique by the caller). */
  onAdd: (name: string, text: string) => void;
  disabled?: boolean;
}

/**
 * Two ways to add articles: choose files (several at once: plain text, Markdown or HTML), or
 * paste an article's text under a name.
 */
export function AddArticles({ onAdd, disabled }: AddArticlesProps) {
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState("");
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | undefined>();

  const addFiles = async (files: FileList | null) => {
    setProblem(undefined);
    const tooBig: string[] = [];
    // In the order chosen, one after the other, so the articles keep that order.
    for (const file of Array.from(files ?? [])) {
      // A file's size in bytes is its UTF-8 text's size, give or take a byte-order mark.
      if (file.size > MAX_ARTICLE_BYTES) tooBig.push(file.name);
      else onAdd(file.name, await file.text());
    }
    if (tooBig.length > 0) setProblem(`Larger than 1 MB, not added: ${tooBig.join(", ")}`);
    if (input.current) input.current.value = "";
  };

  const addPasted = () => {
    const trimmed = name.trim();
    onAdd(trimmed === "" ? "pasted-article.txt" : trimmed, text);
    setName("");
    setText("");
  };

  return (
    <div className="add-articles">
      <div className="add-files">
        <label className="button">
          Add article files…
          <input
            ref={input}
            type="file"
            multiple
            className="visually-hidden"
            accept={ARTICLE_ACCEPT}
            aria-label="Article files"
            disabled={disabled}
            onChange={(e) => void addFiles(e.target.files)}
          />
        </label>
        <span className="hint">
          Plain text (.txt), Markdown (.md) or HTML (.html); the file's ending decides how it is
          read.
        </span>
      </div>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <fieldset className="paste-article">
        <legend>Or paste an article</legend>
        <label className="text-field">
          <span>Name (ending in .txt, .md or .html)</span>
          <input
            type="text"
            className="field-input"
            value={name}
            placeholder="pasted-article.txt"
            aria-label="Name of the pasted article"
            disabled={disabled}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label className="text-field long">
          <span>Text</span>
          <textarea
            className="field-input"
            rows={6}
            value={text}
            aria-label="Text of the pasted article"
            disabled={disabled}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <button
          type="button"
          onClick={addPasted}
          disabled={disabled || text.trim() === ""}
          aria-label="Add the pasted article"
        >
          Add article
        </button>
      </fieldset>
    </div>
  );
}
