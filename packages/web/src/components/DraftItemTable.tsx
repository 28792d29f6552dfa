import type { DraftItem } from "@entente/core";
import { useId } from "react";
import type { Verdict } from "../draft-review-state.ts";
import { DraftItemRow } from "./DraftItemRow.tsx";

/** Props of {@link DraftItemTable}. */
export interface DraftItemTableProps {
  title: string;
  items: readonly DraftItem[];
  /** Source id → its title. */
  sources: ReadonlyMap<string, string>;
  verdicts: Readonly<Record<string, Verdict>>;
  values: Readonly<Record<string, string>>;
  onVerdict: (key: string, verdict: Verdict | undefined) => void;
  onValue: (key: string, text: string) => void;
}

/** One kind of drafted number (capabilities, status quos, stances, shock probabilities) as a table. */
export function DraftItemTable(props: DraftItemTableProps) {
  const { title, items, sources, verdicts, values, onVerdict, onValue } = props;
  const headingId = useId();
  return (
    <section className="draft-group" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {title} <span className="count">({items.length})</span>
      </h3>
      <div className="table-scroll">
        <table className="data draft-items">
          <thead>
            <tr>
              <th scope="col" className="col-item">
                Item
              </th>
              <th scope="col" className="col-source">
                Source
              </th>
              <th scope="col" className="col-value">
                Value
              </th>
              <th scope="col">Quote and note</th>
              <th scope="col" className="col-decision">
                Decision
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((it) => (
              <DraftItemRow
                key={it.key}
                item={it}
                source={sources.get(it.estimate.source) ?? it.estimate.source}
                verdict={verdicts[it.key]}
                value={values[it.key]}
                onVerdict={(v) => onVerdict(it.key, v)}
                onValue={(text) => onValue(it.key, text)}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
