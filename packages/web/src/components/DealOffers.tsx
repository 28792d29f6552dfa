import type { DealConcession, DealsDocument } from "../deals.ts";

const signed = (x: number) => `${x >= 0 ? "+" : ""}${x.toFixed(3)}`;

function Concessions({
  title,
  list,
  from,
  to,
  issueTitle,
}: {
  title: string;
  list: DealConcession[];
  from: string;
  to: string;
  issueTitle: (id: string) => string;
}) {
  return (
    <section>
      <h3>{title}</h3>
      {list.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul>
          {list.map((c) => (
            <li key={`${c.issue}:${c.from}:${c.to}`}>
              <b>{issueTitle(c.issue)}</b> {c.from} → {c.to}
              {c.meaning && <span className="hint"> ({c.meaning})</span>}: {from} {signed(c.deltaA)}
              , {to} {signed(c.deltaB)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** What each party can offer the other, the logrolls, and the path from the status quo. */
export function DealOffers({
  doc,
  names,
  issueTitle,
}: {
  doc: DealsDocument;
  names: [string, string];
  issueTitle: (id: string) => string;
}) {
  const [a, b] = names;
  return (
    <div className="deal-offers">
      <Concessions
        title={`What ${a} can offer ${b}`}
        list={doc.offers.aToB}
        from={a}
        to={b}
        issueTitle={issueTitle}
      />
      <Concessions
        title={`What ${b} can offer ${a}`}
        list={doc.offers.bToA}
        from={b}
        to={a}
        issueTitle={issueTitle}
      />
      <section>
        <h3>
          Logrolls ({a} gives on one issue, {b} on another; both gain)
        </h3>
        {doc.offers.logrolls.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul>
            {doc.offers.logrolls.map((l) => (
              <li key={`${l.give.issue}:${l.give.to}:${l.take.issue}:${l.take.to}`}>
                {a} gives <b>{issueTitle(l.give.issue)}</b> {l.give.from} → {l.give.to}; {b} gives{" "}
                <b>{issueTitle(l.take.issue)}</b> {l.take.from} → {l.take.to}: {a}{" "}
                {signed(l.deltaA)}, {b} {signed(l.deltaB)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h3>Path from the status quo ({doc.path.length} steps)</h3>
        <ol>
          {doc.path.map((s) => (
            <li key={`${s.utilityA}:${s.utilityB}:${s.changes.join()}`}>
              {s.changes.join("; ")}: {a} {signed(s.deltaA)} → {s.utilityA.toFixed(3)}, {b}{" "}
              {signed(s.deltaB)} → {s.utilityB.toFixed(3)}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
