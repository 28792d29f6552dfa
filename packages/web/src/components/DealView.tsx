import { centralValue, type Scenario } from "@entente/core";
import { useCallback, useEffect, useId, useState } from "react";
import { analysisApi } from "../api/analysis-api.ts";
import { ApiRequestError } from "../api/api-request-error.ts";
import { type DealsDocument, isDealsDocument } from "../deals.ts";
import { DealChart } from "./DealChart.tsx";
import { DealOffers } from "./DealOffers.tsx";
import { DealPackages } from "./DealPackages.tsx";
import { ExchangeTrades } from "./ExchangeTrades.tsx";

/** Props of {@link DealView}. */
export interface DealViewProps {
  scenarioId: string;
  revision: number;
  /** The saved revision (the server searches its deal space). */
  scenario: Scenario;
  dirty: boolean;
}

type Answer =
  | { status: "loading" }
  | { status: "done"; doc: DealsDocument }
  /** The server has no deal engine (501): say so, never make up deals. */
  | { status: "unavailable"; message: string }
  | { status: "error"; message: string };

/** The two most capable actors, as the server picks them when `between` is not given. */
function defaultParties(scenario: Scenario): [string, string] {
  const order = [...scenario.actors].sort(
    (a, b) => centralValue(b.capability) - centralValue(a.capability),
  );
  return [order[0]?.id ?? "", order[1]?.id ?? order[0]?.id ?? ""];
}

/**
 * The deal space between two actors, from the server's deals API: the packages both prefer to
 * no deal, the Nash, Kalai–Smorodinsky and welfare packages, what each side can offer the
 * other, the path from the status quo and, on request, the win-set under the ratifiers.
 */
export function DealView({ scenarioId, revision, scenario, dirty }: DealViewProps) {
  const ids = useId();
  const [between, setBetween] = useState<[string, string]>(() => defaultParties(scenario));
  const [ratify, setRatify] = useState(false);
  const [answer, setAnswer] = useState<Answer>({ status: "loading" });

  const search = useCallback(
    (parties: [string, string], withRatifiers: boolean) => {
      setAnswer({ status: "loading" });
      analysisApi.deals(scenarioId, { between: parties, ratify: withRatifiers }, revision).then(
        (doc) =>
          setAnswer(
            isDealsDocument(doc)
              ? { status: "done", doc }
              : { status: "error", message: "the server's answer is not a deals document" },
          ),
        (e: Error) => {
          const message =
            e instanceof ApiRequestError
              ? e.errors.map((x) => x.message).join("; ") || e.message
              : e.message;
          setAnswer(
            e instanceof ApiRequestError && (e.status === 501 || e.status === 404)
              ? { status: "unavailable", message }
              : { status: "error", message },
          );
        },
      );
    },
    [scenarioId, revision],
  );

  const initial = useState(() => between)[0];
  useEffect(() => search(initial, false), [search, initial]);

  const name = (id: string) => scenario.actors.find((a) => a.id === id)?.name ?? id;
  const issueTitle = (id: string) => scenario.issues.find((i) => i.id === id)?.title ?? id;

  if (answer.status === "unavailable") {
    return (
      <section className="deals" aria-labelledby="deals-title">
        <h2 id="deals-title">Deals</h2>
        <div className="placeholder" data-testid="deals-placeholder">
          <p>
            <strong>The deal view needs the deals API.</strong> It shows the deal space between two
            actors — the packages both prefer to no deal, the Nash and Kalai–Smorodinsky packages,
            what each can offer the other — from <code>POST /api/scenarios/:id/deals</code>, which
            this server does not offer.
          </p>
          <p className="notice">The server answered: {answer.message}</p>
        </div>
      </section>
    );
  }

  return (
    <section className="deals" aria-labelledby="deals-title">
      <h2 id="deals-title">Deals</h2>
      <p className="hint">
        Packages across every issue, on the server's grid of options, valued by each party's
        saliences; computed by the server on revision {revision}
        {dirty ? " (unsaved edits are not included)" : ""}.
      </p>
      <form
        className="sim-form"
        onSubmit={(e) => {
          e.preventDefault();
          search(between, ratify);
        }}
      >
        {([0, 1] as const).map((k) => (
          <span key={k}>
            <label htmlFor={`${ids}-party-${k}`}>{k === 0 ? "Party A" : "Party B"}</label>{" "}
            <select
              id={`${ids}-party-${k}`}
              value={between[k]}
              onChange={(e) => {
                const next: [string, string] = [...between];
                next[k] = e.target.value;
                setBetween(next);
              }}
            >
              {scenario.actors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </span>
        ))}
        <label className="check">
          <input type="checkbox" checked={ratify} onChange={(e) => setRatify(e.target.checked)} />{" "}
          Win-set under the ratifiers
        </label>
        <button
          type="submit"
          className="primary"
          disabled={answer.status === "loading" || between[0] === between[1]}
        >
          Search the deal space
        </button>
      </form>
      {answer.status === "loading" && <p className="loading">Searching the deal space…</p>}
      {answer.status === "error" && (
        <p className="error" role="alert">
          Deal search failed: {answer.message}
        </p>
      )}
      {answer.status === "done" && (
        <DealsResult doc={answer.doc} name={name} issueTitle={issueTitle} scenario={scenario} />
      )}
    </section>
  );
}

function DealsResult({
  doc,
  name,
  issueTitle,
  scenario,
}: {
  doc: DealsDocument;
  name: (id: string) => string;
  issueTitle: (id: string) => string;
  scenario: Scenario;
}) {
  const [a, b] = doc.parties.map(name) as [string, string];
  const u = (x: number) => x.toFixed(3);
  return (
    <div data-testid="deals-result">
      <p>
        {doc.packages.toLocaleString("en")} packages
        {doc.grid
          ? ` (${doc.grid} options per issue${doc.gridNote ? `; ${doc.gridNote}` : ""})`
          : ""}
        ; Pareto frontier of {doc.frontierPoints} points;{" "}
        {doc.rationalPackages === undefined
          ? "packages both prefer to no deal: not counted (space too large)"
          : `${doc.rationalPackages.toLocaleString("en")} packages both prefer to no deal`}
        . Utility of no deal: {a} {u(doc.reservations[0])}, {b} {u(doc.reservations[1])}.
      </p>
      <DealChart doc={doc} names={[a, b]} />
      <DealPackages doc={doc} names={[a, b]} issueTitle={issueTitle} />
      <DealOffers doc={doc} names={[a, b]} issueTitle={issueTitle} />
      {doc.winSet && (
        <section aria-label="Win-set">
          <h3>Win-set under the ratifiers</h3>
          <p>
            {doc.winSet.size.toLocaleString("en")} packages every required party (
            {doc.winSet.required.map(name).join(", ")}) prefers to no deal
            {doc.winSet.robust
              ? `; the most robust leaves each at least ${u(doc.winSet.robust.minSlack)} to spare`
              : ""}
            {doc.winSet.nearest
              ? `. None: the nearest falls short by ${u(-doc.winSet.nearest.minSlack)}, blocked by ${doc.winSet.nearest.binding.map((x) => `${name(x.party)} (${u(x.shortfall)})`).join(", ")}`
              : ""}
            .
          </p>
          {doc.winSet.robust && (
            <>
              <h4>The most robust package</h4>
              <ul data-testid="robust-package">
                {doc.winSet.robust.package.map((part) => (
                  <li key={part.issue}>
                    <strong>{issueTitle(part.issue)}</strong>: {part.value}
                    {part.meaning ? ` (${part.meaning})` : ""}
                    {part.statusQuo ? " — status quo" : ""}
                  </li>
                ))}
              </ul>
              {doc.winSet.robust.slacks && (
                <p className="hint">
                  Room to spare over no deal:{" "}
                  {doc.winSet.robust.slacks.map((x) => `${name(x.party)} ${u(x.slack)}`).join(", ")}
                  .
                </p>
              )}
            </>
          )}
        </section>
      )}
      {doc.trades && (
        <ExchangeTrades
          trades={doc.trades.between}
          scenario={scenario}
          label={`Trades the exchange model expects between ${a} and ${b} (every actor at the table, one round; ${doc.trades.others} more among the others)`}
        />
      )}
      {doc.notes.map((note) => (
        <p key={note} className="notice">
          {note}
        </p>
      ))}
    </div>
  );
}
