import { percent } from "@entente/core";
import type { ReactNode } from "react";

/** Props of {@link ChanceTable}. */
export interface ChanceTableProps {
  testId: string;
  caption: string;
  /** The head of the rows' column. */
  head: string;
  /** The columns: one per model. */
  models: ReadonlyArray<{ id: string; label: string }>;
  /** One row per outcome: its label and the chance of it under the k-th model. */
  rows: ReadonlyArray<{ key: number; label: ReactNode; chance: (model: number) => number }>;
}

/** A table of chances: one row per outcome, one column per model. */
export function ChanceTable(props: ChanceTableProps) {
  return (
    <table className="data" data-testid={props.testId}>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.head}</th>
          {props.models.map((m) => (
            <th scope="col" className="num" key={m.id}>
              {m.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            {props.models.map((m, k) => (
              <td className="num" key={m.id}>
                {percent(row.chance(k))}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
