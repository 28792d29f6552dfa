/** Gauss–Jordan pivot of the tableau and reduced costs on (row, column). */
export function pivot(
  T: Float64Array,
  d: Float64Array,
  r: number,
  N: number,
  row: number,
  column: number,
  width = N,
): void {
  const base = row * N;
  const inverse = 1 / (T[base + column] as number);
  for (let c = 0; c < width; c++) T[base + c] = (T[base + c] as number) * inverse;
  T[base + column] = 1;
  for (let other = 0; other < r; other++) {
    if (other === row) continue;
    const at = other * N;
    const f = T[at + column] as number;
    if (f === 0) continue;
    for (let c = 0; c < width; c++) T[at + c] = (T[at + c] as number) - f * (T[base + c] as number);
    T[at + column] = 0;
  }
  const f = d[column] as number;
  if (f !== 0) {
    for (let c = 0; c < width; c++) d[c] = (d[c] as number) - f * (T[base + c] as number);
    d[column] = 0;
  }
}
