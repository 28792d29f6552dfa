import { diffScenarios, type Scenario, type Source } from "@entente/core";
import type { RevisionInfo } from "entente/wire-types";
import { useEffect, useState } from "react";
import { ApiRequestError } from "../api/api-request-error.ts";
import { scenarioApi } from "../api/scenario-api.ts";
import { describeEstimate, estimateLine } from "../scenario-edit.ts";

/** Props of {@link RevisionCompare}. */
export interface RevisionCompareProps {
  id: string;
  revisions: readonly RevisionInfo[];
  latest: number;
  /** A revision was restored as the newest one. */
  onRestored: () => void;
}

/**
 * Compare any two revisions number by number, each number with the sources it cites; restore
 * the older one as a new revision (nothing is overwritten).
 */
export function RevisionCompare({ id, revisions, latest, onRestored }: RevisionCompareProps) {
  const numbers = [...revisions].map((r) => r.revision).sort((a, b) => b - a);
  const [from, setFrom] = useState<number | undefined>();
  const [to, setTo] = useState<number | undefined>();
  const [pair, setPair] = useState<[Scenario, Scenario] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const a = from ?? (latest > 1 ? latest - 1 : undefined);
  const b = to ?? latest;

  useEffect(() => {
    setPair(undefined);
    setError(undefined);
    if (a === undefined || b === undefined || a === b) return;
    let live = true;
    Promise.all([scenarioApi.scenario(id, a), scenarioApi.scenario(id, b)]).then(
      ([x, y]) => live && setPair([x.scenario, y.scenario]),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [id, a, b]);

  if (numbers.length < 2) return null;
  const changes = pair ? diffScenarios(pair[0], pair[1]) : undefined;
  // The newer revision's source titles first, then any that only the older one has.
  const sourceList = [...(pair?.[1].sources ?? []), ...(pair?.[0].sources ?? [])];

  const restore = async (rev: number) => {
    if (
      !window.confirm(
        `Save revision ${rev}'s content as revision ${latest + 1}? Nothing is overwritten.`,
      )
    )
      return;
    setBusy(true);
    try {
      await scenarioApi.restoreRevision(id, rev, latest);
      onRestored();
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const select = (label: string, value: number | undefined, set: (n: number) => void) => (
    <label>
      {label}{" "}
      <select
        aria-label={`Compare: ${label}`}
        value={value ?? ""}
        onChange={(e) => set(Number(e.target.value))}
      >
        {numbers.map((n) => (
          <option key={n} value={n}>
            #{n}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section className="revision-compare" aria-labelledby="compare-title">
      <h2 id="compare-title">Compare revisions</h2>
      <div className="toolbar">
        {select("from", a, setFrom)}
        {select("to", b, setTo)}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {a === b && <p className="hint">Choose two different revisions.</p>}
      {changes && changes.length === 0 && (
        <p>
          No differences between #{a} and #{b}.
        </p>
      )}
      {changes && changes.length > 0 && (
        <table className="data diff" data-testid="diff">
          <caption>
            {changes.length} change{changes.length === 1 ? "" : "s"} from #{a} to #{b}
          </caption>
          <thead>
            <tr>
              <th scope="col">Where</th>
              <th scope="col">#{a}</th>
              <th scope="col">#{b}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={`${c.kind}:${c.path.join(".")}`} className={c.kind}>
                <th scope="row">
                  {c.where || c.path.join(".")}
                  {c.kind !== "changed" && <span className="badge">{c.kind}</span>}
                </th>
                <td>{show(c.before, sourceList)}</td>
                <td>{show(c.after, sourceList)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {a !== undefined && a !== latest && (
        <button type="button" disabled={busy} onClick={() => void restore(a)}>
          Restore revision {a} as revision {latest + 1}
        </button>
      )}
    </section>
  );
}

/** A value of a change as text: estimates with range and cited sources, records by their name. */
export function show(value: unknown, sources: readonly Source[]): string {
  if (value === undefined) return "—";
  if (typeof value === "string") return value;
  if (isEstimate(value)) return estimateLine(describeEstimate(value, sources));
  if (Array.isArray(value)) return value.map((x) => show(x, sources)).join(", ");
  if (typeof value === "object" && value !== null) {
    const r = value as Record<string, unknown>;
    const name = r.name ?? r.title ?? r.label;
    const rest = Object.entries(r)
      .filter(([k]) => !["id", "name", "title", "description", "note"].includes(k))
      .map(([k, v]) => `${k}: ${show(v, sources)}`)
      .join(", ");
    return [name === undefined ? undefined : String(name), rest].filter(Boolean).join(" — ");
  }
  return String(value);
}

/** A number of the format: plain, `{ value, … }`, or a list of source estimates. */
function isEstimate(value: unknown): boolean {
  const numbered = (x: unknown) =>
    typeof x === "object" && x !== null && typeof (x as { value?: unknown }).value === "number";
  if (typeof value === "number") return true;
  if (Array.isArray(value)) {
    return value.length > 0 && value.every((x) => numbered(x) && "source" in (x as object));
  }
  return numbered(value);
}
