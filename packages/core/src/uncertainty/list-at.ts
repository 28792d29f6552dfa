/**
 * Where one model's entries for one issue sit in a flat per-model-per-issue array laid out
 * model-major by `lists` (each issue's points, or boundaries): the first index and how many.
 */
export function listAt(
  lists: readonly (readonly number[])[],
  model: number,
  issue: number,
): { first: number; count: number } {
  let total = 0;
  let before = 0;
  for (let k = 0; k < lists.length; k++) {
    const n = (lists[k] as readonly number[]).length;
    if (k < issue) before += n;
    total += n;
  }
  return { first: model * total + before, count: (lists[issue] as readonly number[]).length };
}
