import type { DroppedNumber } from "@entente/core";

/** Props of {@link DraftDropped}. */
export interface DraftDroppedProps {
  dropped: readonly DroppedNumber[];
  /** Points no quote can settle (e.g. the size of a shock's effects). */
  review?: readonly string[] | undefined;
  /** Source id → its title. */
  sources: ReadonlyMap<string, string>;
}

/**
 * What the draft does not contain and why: the numbers the server refused (quote not found,
 * out of range, …) and what their loss left incomplete; and the points to check by hand.
 */
export function DraftDropped({ dropped, review, sources }: DraftDroppedProps) {
  return (
    <>
      {review && review.length > 0 && (
        <section className="draft-review-points" aria-labelledby="draft-review-points-title">
          <h3 id="draft-review-points-title">To check by hand ({review.length})</h3>
          <ul>
            {review.map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ul>
        </section>
      )}
      <section className="draft-dropped" aria-labelledby="draft-dropped-title">
        <h3 id="draft-dropped-title">Not in the draft ({dropped.length})</h3>
        <p className="hint">
          Numbers the model proposed that the server refused, and what their loss left incomplete.
          They are not part of the scenario; add them in the editor after saving if you know better.
        </p>
        {dropped.length === 0 ? (
          <p className="empty">Nothing: every number the model proposed was kept.</p>
        ) : (
          <div className="table-scroll">
            <table className="data draft-dropped-table">
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col">Source</th>
                  <th scope="col" className="num">
                    Proposed
                  </th>
                  <th scope="col">Reason</th>
                  <th scope="col">Quote given</th>
                </tr>
              </thead>
              <tbody>
                {dropped.map((d, k) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the list has no identity beyond its order
                  <tr key={k}>
                    <th scope="row">{d.item}</th>
                    <td>{d.source ? (sources.get(d.source) ?? d.source) : "–"}</td>
                    <td className="num">{d.value ?? "–"}</td>
                    <td>{d.reason}</td>
                    <td>{d.quote ? <q className="draft-quote">{d.quote}</q> : "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
