import type { PendingArticle } from "../pending-articles.ts";
import type { DraftJobState } from "../use-draft-job.ts";
import { AddArticles } from "./AddArticles.tsx";
import { ArticleList } from "./ArticleList.tsx";
import { DraftProgress } from "./DraftProgress.tsx";
import { DraftProviderStatus, type ProviderState } from "./DraftProviderStatus.tsx";

/** Props of {@link DraftArticles}. */
export interface DraftArticlesProps {
  articles: readonly PendingArticle[];
  onAdd: (name: string, text: string) => void;
  onRemove: (key: number) => void;
  provider: ProviderState;
  job: DraftJobState;
  onDraft: () => void;
}

/**
 * Step 1: gather the articles (files or pasted text), see which model will draft them, and
 * draft; while the server drafts, which article it is on; if it fails, the server's reason.
 */
export function DraftArticles(props: DraftArticlesProps) {
  const { articles, onAdd, onRemove, provider, job, onDraft } = props;
  const running = job.phase === "running";
  const configured = provider.kind === "known" && provider.info.configured;
  const empty = articles.some((a) => a.text.trim() === "");
  return (
    <section className="panel draft-step" aria-labelledby="draft-articles-title">
      <h2 id="draft-articles-title">1. Articles</h2>
      <p className="hint">
        The language model reads each article in turn and proposes actors, issues, stances, shocks
        and phases. Every number must quote its article word for word; the server checks each quote
        and drops the numbers whose quote it cannot find. You review every number next.
      </p>
      <DraftProviderStatus provider={provider} />
      <ArticleList articles={articles} onRemove={onRemove} disabled={running} />
      <AddArticles onAdd={onAdd} disabled={running} />
      <div className="draft-actions">
        <button
          type="button"
          className="primary"
          onClick={onDraft}
          disabled={running || !configured || articles.length === 0 || empty}
        >
          {running ? "Drafting…" : "Draft"}
        </button>
        {!running && articles.length > 0 && empty && (
          <span className="hint">Remove the empty article first.</span>
        )}
      </div>
      {job.phase === "running" && (
        <DraftProgress done={job.job.done} total={job.job.total} note={job.job.note} />
      )}
      {job.phase === "failed" && (
        <div className="error draft-failure" role="alert">
          <p>The draft failed:</p>
          <pre>{job.error}</pre>
        </div>
      )}
    </section>
  );
}
