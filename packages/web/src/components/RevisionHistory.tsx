import type { RevisionInfo } from "entente/wire-types";

/** Props of {@link RevisionHistory}. */
export interface RevisionHistoryProps {
  revisions: readonly RevisionInfo[];
  /** The revision on screen. */
  current: number;
  latest: number;
  onOpen: (revision: number) => void;
}

/** Every saved revision, newest first, each one openable. */
export function RevisionHistory({ revisions, current, latest, onOpen }: RevisionHistoryProps) {
  const sorted = [...revisions].sort((a, b) => b.revision - a.revision);
  return (
    <aside className="revisions" aria-labelledby="revisions-title">
      <h2 id="revisions-title">Revisions</h2>
      {sorted.length === 0 && <p>No history yet.</p>}
      <ol reversed>
        {sorted.map((r) => (
          <li key={r.revision} className={r.revision === current ? "current" : undefined}>
            <div>
              <strong>#{r.revision}</strong>
              {r.revision === latest && <span className="badge">latest</span>}{" "}
              <time dateTime={r.created}>
                {r.created ? new Date(r.created).toLocaleString() : ""}
              </time>
            </div>
            {r.message && <div className="message">{r.message}</div>}
            {r.revision === current ? (
              <span className="on-screen">on screen</span>
            ) : (
              <button type="button" onClick={() => onOpen(r.revision)}>
                Open revision {r.revision}
              </button>
            )}
          </li>
        ))}
      </ol>
    </aside>
  );
}
