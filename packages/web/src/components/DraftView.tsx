import type { Scenario } from "@entente/core";
import { useEffect, useState } from "react";
import { draftApi, failureText } from "../api/draft-api.ts";
import { scenarioApi } from "../api/scenario-api.ts";
import { type PendingArticle, withArticle } from "../pending-articles.ts";
import { navigate, useLeaveGuard } from "../route.ts";
import { useDraftJob } from "../use-draft-job.ts";
import { DraftArticles } from "./DraftArticles.tsx";
import type { ProviderState } from "./DraftProviderStatus.tsx";
import { DraftReview } from "./DraftReview.tsx";

/**
 * A new scenario drafted from news articles: (1) gather the articles and have the server's
 * language model draft them, each number with a verbatim quote the server checked; (2) review
 * every drafted number beside its quote and save what is kept as a new scenario, which then
 * opens on its forecast.
 */
export function DraftView() {
  const [articles, setArticles] = useState<PendingArticle[]>([]);
  const [provider, setProvider] = useState<ProviderState>({ kind: "loading" });
  const job = useDraftJob();
  const { state } = job;

  useEffect(() => {
    draftApi.provider().then(
      (info) => setProvider({ kind: "known", info }),
      (e: unknown) => setProvider({ kind: "unreachable", error: failureText(e) }),
    );
  }, []);

  useLeaveGuard(
    state.phase === "done"
      ? () => "The drafted scenario has not been saved; leave and lose the review?"
      : articles.length > 0
        ? () => "The articles gathered here have not been drafted; leave and lose them?"
        : undefined,
  );

  const add = (name: string, text: string) => setArticles((list) => withArticle(list, name, text));

  const draft = () =>
    void job.start({ articles: articles.map(({ name, text }) => ({ name, text })) });

  const back = () => {
    if (window.confirm("Discard this draft and its review, and go back to the articles?")) {
      job.reset();
    }
  };

  const save = async (scenario: Scenario) => {
    const model = state.phase === "done" ? state.scenario.draft?.model : undefined;
    const n = articles.length;
    const created = await scenarioApi.createFromDraft(
      scenario,
      `Drafted from ${n} article${n === 1 ? "" : "s"}${model ? ` by ${model}` : ""}, reviewed in the workbench`,
    );
    navigate({ page: "scenario", id: created.scenarioId, tab: "issues" }, { discard: true });
  };

  const reviewing = state.phase === "done";
  return (
    <section className="workspace draft-view" aria-labelledby="draft-title">
      <div className="workspace-head">
        <div>
          <h1 id="draft-title">Draft from articles</h1>
          <p className="meta">
            A machine draft to review, not a finished scenario: nothing is saved until you save the
            review.
          </p>
        </div>
        <ol className="draft-steps" aria-label="Steps">
          <li aria-current={reviewing ? undefined : "step"}>1. Articles</li>
          <li aria-current={reviewing ? "step" : undefined}>2. Review</li>
        </ol>
      </div>
      {reviewing ? (
        <DraftReview key={state.job.id} draft={state.scenario} onSave={save} onBack={back} />
      ) : (
        <DraftArticles
          articles={articles}
          onAdd={add}
          onRemove={(key) => setArticles((list) => list.filter((a) => a.key !== key))}
          provider={provider}
          job={state}
          onDraft={draft}
        />
      )}
    </section>
  );
}
