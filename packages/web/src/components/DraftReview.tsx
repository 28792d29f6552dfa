import {
  applyDraftReview,
  draftItems,
  type Scenario,
  type ValidationIssue,
  validateScenario,
} from "@entente/core";
import { useMemo, useState } from "react";
import { failureText } from "../api/draft-api.ts";
import {
  groupDraftItems,
  reviewDecisions,
  type Verdict,
  valueProblem,
} from "../draft-review-state.ts";
import { DraftDropped } from "./DraftDropped.tsx";
import { DraftItemTable } from "./DraftItemTable.tsx";
import { DraftSaveForm } from "./DraftSaveForm.tsx";

/** Props of {@link DraftReview}. */
export interface DraftReviewProps {
  /** The drafted scenario, with its `draft` block. */
  draft: Scenario;
  /** Store the reviewed, valid scenario; a thrown error's message is shown. */
  onSave: (scenario: Scenario) => Promise<void>;
  /** Go back to the articles (the caller confirms that the draft is discarded). */
  onBack?: () => void;
}

/**
 * Step 2: every drafted number beside its quote, to accept (perhaps with an edited value) or
 * reject; what the server refused; and, once every number has a verdict, the reviewed scenario
 * (`applyDraftReview`), validated, saved under the id and title given.
 */
export function DraftReview({ draft, onSave, onBack }: DraftReviewProps) {
  const items = useMemo(() => draftItems(draft), [draft]);
  const groups = useMemo(() => groupDraftItems(items), [items]);
  const sources = useMemo(() => new Map(draft.sources.map((s) => [s.id, s.title])), [draft]);
  const [verdicts, setVerdicts] = useState<Record<string, Verdict>>({});
  const [values, setValues] = useState<Record<string, string>>({});
  const [id, setId] = useState(draft.id);
  const [title, setTitle] = useState(draft.title);
  const [problems, setProblems] = useState<ValidationIssue[]>([]);
  const [checked, setChecked] = useState<Scenario | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const accepted = items.filter((it) => verdicts[it.key] === "accept").length;
  const rejected = items.filter((it) => verdicts[it.key] === "reject").length;
  const undecided = items.length - accepted - rejected;
  const badValues = items.filter((it) => {
    const typed = values[it.key];
    return verdicts[it.key] === "accept" && typed !== undefined && valueProblem(typed, it);
  }).length;
  const outcome = useMemo(
    () =>
      undecided === 0 && badValues === 0
        ? applyDraftReview(draft, reviewDecisions(items, verdicts, values))
        : undefined,
    [draft, items, verdicts, values, undecided, badValues],
  );
  const blocked =
    items.length === 0
      ? "The draft has no numbers to review."
      : undecided > 0
        ? `Accept or reject every number first (${undecided} undecided).`
        : badValues > 0
          ? "Fix the values marked in red first."
          : id.trim() === "" || title.trim() === ""
            ? "Give the scenario an id and a title."
            : undefined;

  const changed = () => {
    setProblems([]);
    setChecked(undefined);
    setMessage(undefined);
  };
  const decide = (key: string, verdict: Verdict | undefined) => {
    changed();
    setVerdicts(({ [key]: _, ...rest }) => (verdict ? { ...rest, [key]: verdict } : rest));
  };
  const acceptAll = () => {
    changed();
    setVerdicts((v) =>
      Object.fromEntries(items.map((it) => [it.key, v[it.key] ?? ("accept" as const)])),
    );
  };

  const save = async () => {
    if (!outcome) return;
    changed();
    const reviewed: Scenario = { ...outcome.scenario, id: id.trim(), title: title.trim() };
    const result = validateScenario(reviewed);
    if (!result.ok) {
      setProblems(result.issues);
      setChecked(reviewed);
      return;
    }
    setBusy(true);
    try {
      await onSave(reviewed);
    } catch (e) {
      setMessage(failureText(e));
    } finally {
      setBusy(false);
    }
  };

  const info = draft.draft;
  return (
    <section className="panel draft-step" aria-labelledby="draft-review-title">
      <div className="toolbar">
        <h2 id="draft-review-title">2. Review</h2>
        {onBack && (
          <button type="button" onClick={onBack}>
            Back to the articles
          </button>
        )}
      </div>
      <p className="hint">
        Drafted{info ? ` by ${info.model}` : ""} from {draft.sources.length} article
        {draft.sources.length === 1 ? "" : "s"}. Check each number against its quote, then accept it
        (edit the value first if the quote says otherwise) or reject it. Rejected numbers are left
        out of the scenario, with whatever they leave incomplete.
      </p>
      <div className="toolbar draft-review-bar">
        <p className="meta" role="status" data-testid="review-count">
          {items.length - undecided} of {items.length} numbers decided: {accepted} accepted,{" "}
          {rejected} rejected.
        </p>
        <button type="button" onClick={acceptAll} disabled={undecided === 0}>
          Accept all {undecided > 0 ? `${undecided} undecided` : "(none left)"}
        </button>
      </div>
      {groups.map((g) => (
        <DraftItemTable
          key={g.kind}
          title={g.title}
          items={g.items}
          sources={sources}
          verdicts={verdicts}
          values={values}
          onVerdict={decide}
          onValue={(key, text) => {
            changed();
            setValues((v) => ({ ...v, [key]: text }));
          }}
        />
      ))}
      <DraftDropped dropped={info?.dropped ?? []} review={info?.review} sources={sources} />
      <DraftSaveForm
        id={id}
        title={title}
        onId={(next) => {
          changed();
          setId(next);
        }}
        onTitle={(next) => {
          changed();
          setTitle(next);
        }}
        blocked={blocked}
        busy={busy}
        onSave={() => void save()}
        alsoRemoved={outcome?.removed.filter((r) => r.reason !== "not accepted in review") ?? []}
        problems={problems}
        checked={checked}
        message={message}
      />
    </section>
  );
}
