/** A number as charts and tables print it: whole numbers as they are, others to one decimal; "–" for none. */
export function fmt(x: number | undefined): string {
  if (x === undefined || Number.isNaN(x)) return "–";
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}
