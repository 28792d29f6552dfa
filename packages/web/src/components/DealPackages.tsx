import type { DealPart, DealsDocument } from "../deals.ts";

/** The Nash, Kalai–Smorodinsky and max-welfare packages side by side, issue by issue. */
export function DealPackages({
  doc,
  names,
  issueTitle,
}: {
  doc: DealsDocument;
  names: [string, string];
  issueTitle: (id: string) => string;
}) {
  const columns = [
    { label: "Nash", p: doc.nash },
    { label: "Kalai–Smorodinsky", p: doc.kalaiSmorodinsky },
    { label: "Max welfare", p: doc.maxWelfare },
  ].filter((c) => c.p !== undefined);
  if (columns.length === 0) {
    return <p>No package both parties prefer to no deal.</p>;
  }
  const issues = columns[0]?.p?.package.map((part) => part.issue) ?? [];
  const cell = (key: string, part: DealPart | undefined) =>
    part ? (
      <td key={key} className="num" title={part.meaning}>
        {part.value}
        {part.statusQuo && <span className="badge">status quo</span>}
      </td>
    ) : (
      <td key={key} />
    );
  return (
    <table className="data" data-testid="deal-packages">
      <caption>Packages (hover a value for what that point of the scale means)</caption>
      <thead>
        <tr>
          <th scope="col">Issue</th>
          {columns.map((c) => (
            <th scope="col" className="num" key={c.label}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {issues.map((issue) => (
          <tr key={issue}>
            <th scope="row">{issueTitle(issue)}</th>
            {columns.map((c) =>
              cell(
                c.label,
                c.p?.package.find((x) => x.issue === issue),
              ),
            )}
          </tr>
        ))}
        {[0, 1].map((k) => (
          <tr key={k}>
            <th scope="row">utility of {names[k]}</th>
            {columns.map((c) => (
              <td key={c.label} className="num">
                {c.p?.utilities[k]?.toFixed(3)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
