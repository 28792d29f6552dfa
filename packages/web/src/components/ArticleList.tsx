import type { PendingArticle } from "../pending-articles.ts";

/** Props of {@link ArticleList}. */
export interface ArticleListProps {
  articles: readonly PendingArticle[];
  onRemove: (key: number) => void;
  disabled?: boolean;
}

/** The articles gathered so far, in the order they are drafted, each removable. */
export function ArticleList({ articles, onRemove, disabled }: ArticleListProps) {
  if (articles.length === 0) {
    return <p className="empty">No articles yet: add files or paste an article below.</p>;
  }
  return (
    <ol className="article-list" aria-label="Articles to draft from">
      {articles.map((a) => (
        <li key={a.key}>
          <span className="article-name">{a.name}</span>{" "}
          <span className="hint">
            {a.text.length.toLocaleString()} characters
            {a.text.trim() === "" ? " (empty)" : ""}
          </span>{" "}
          <button
            type="button"
            className="link"
            onClick={() => onRemove(a.key)}
            disabled={disabled}
            aria-label={`Remove ${a.name}`}
          >
            Remove
          </button>
        </li>
      ))}
    </ol>
  );
}
