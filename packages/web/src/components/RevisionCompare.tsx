import { fmt } from "@entente/charts";
import { diffScenarios, type Scenario, type ScenarioChange } from "@entente/core";
import { useEffect, useState } from "react";
import { ApiError, api, type RevisionInfo } from "../api.ts";

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
    Promise.all([api.scenario(id, a), api.scenario(id, b)]).then(
      ([x, y]) => live && setPair([x.scenario, y.scenario]),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [id, a, b]);

  if (numbers.length < 2) return null;
  const changes = pair ? diffScenarios(pair[0], pair[1]) : undefined;
  const sourceTitle = new Map(
    (pair?.[1].sources ?? []).concat(pair?.[0].sources ?? []).map((s) => [s.id, s.title]),
  );

  const restore = async (rev: number) => {
    if (
      !window.confirm(
        `Save revision ${rev}'s content as revision ${latest + 1}? Nothing is overwritten.`,
      )
    )
      return;
    setBusy(true);
    try {
      await api.restoreRevision(id, rev, latest);
      onRestored();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
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
                <td>{show(c.before, sourceTitle)}</td>
                <td>{show(c.after, sourceTitle)}</td>
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

/** A value of a change as text: estimates with range and sources, records by their name. */
export function show(value: unknown, sources: ReadonlyMap<string, string>): string {
  if (value === undefined) return "—";
  const cite = (ids: unknown) =>
    Array.isArray(ids) && ids.length > 0
      ? ` [${ids.map((s) => sources.get(String(s)) ?? String(s)).join("; ")}]`
      : "";
  if (typeof value === "number") return fmt(value);
  if (typeof value === "string") return value;
  if (Array.isArray(value)) {
    if (value.every((x) => typeof x === "object" && x !== null && "source" in x && "value" in x)) {
      return value
        .map(
          (e: { value: number; source: string }) =>
            `${fmt(e.value)} [${sources.get(e.source) ?? e.source}]`,
        )
        .join("; ");
    }
    return value.map((x) => show(x, sources)).join(", ");
  }
  if (typeof value === "object" && value !== null) {
    const r = value as Record<string, unknown>;
    if (typeof r.value === "number") {
      const range =
        r.low !== undefined || r.high !== undefined
          ? ` (${fmt(Number(r.low ?? r.value))}–${fmt(Number(r.high ?? r.value))})`
          : "";
      return `${fmt(r.value)}${range}${cite(r.sources)}`;
    }
    const name = r.name ?? r.title ?? r.label;
    const rest = Object.entries(r)
      .filter(([k]) => !["id", "name", "title", "description", "note"].includes(k))
      .map(([k, v]) => `${k}: ${typeof v === "object" ? show(v, sources) : String(v)}`)
      .join(", ");
    return [name === undefined ? undefined : String(name), rest].filter(Boolean).join(" — ");
  }
  return String(value);
}

export type { ScenarioChange };
