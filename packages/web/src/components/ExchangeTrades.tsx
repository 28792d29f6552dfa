import { fmt } from "@entente/charts";
import type { ExchangeRecord, Scenario } from "@entente/core";

/**
 * Exchanges the exchange model realised, in order: who yields on which issue (from → to) in
 * return for whose move on the other, and the equal gain. With `issue`, only trades that move
 * that issue.
 */
export function ExchangeTrades({
  trades,
  scenario,
  issue,
  label,
}: {
  trades: readonly ExchangeRecord[];
  scenario: Scenario;
  issue?: string;
  label: string;
}) {
  const name = (id: string) => scenario.actors.find((a) => a.id === id)?.name ?? id;
  const title = (id: string) => scenario.issues.find((i) => i.id === id)?.title ?? id;
  const shown = issue === undefined ? trades : trades.filter((e) => e.p === issue || e.q === issue);
  return (
    <section aria-label={label} data-testid="exchange-trades">
      <h4>{label}</h4>
      {shown.length === 0 ? (
        <p className="hint">None.</p>
      ) : (
        <ol>
          {shown.map((e) => (
            <li key={`${e.round}:${e.i}:${e.q}:${e.j}:${e.p}:${e.iTo}`}>
              {shown.some((x) => x.round !== e.round) ? `Round ${e.round}: ` : ""}
              <strong>{name(e.i)}</strong> yields on {title(e.q)} ({fmt(e.iFrom)} → {fmt(e.iTo)})
              for <strong>{name(e.j)}</strong> yielding on {title(e.p)} ({fmt(e.jFrom)} →{" "}
              {fmt(e.jTo)}); gain {e.gain.toPrecision(3)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
