/**
 * How the records of a scenario's lists are told apart across two versions of a list: by `id`
 * (actors, issues, sources, shocks, phases, questions), by actor and issue (stances), or by
 * `source` (a number's source estimates) — the first of these that every record has and that is
 * unique within each list. Undefined when the items are not such records (then match by place).
 */
export function recordKey(
  lists: ReadonlyArray<readonly unknown[]>,
): ((record: unknown) => string) | undefined {
  const isRecord = (x: unknown): x is Record<string, unknown> =>
    typeof x === "object" && x !== null && !Array.isArray(x);
  if (!lists.every((list) => list.every(isRecord))) return undefined;
  const all = lists.flat() as Array<Record<string, unknown>>;
  const candidates: Array<(r: Record<string, unknown>) => string> = [];
  if (all.every((r) => typeof r.id === "string")) candidates.push((r) => String(r.id));
  if (all.every((r) => typeof r.actor === "string" && typeof r.issue === "string")) {
    candidates.push((r) => `${String(r.actor)}\u0000${String(r.issue)}`);
  }
  if (all.every((r) => typeof r.source === "string")) candidates.push((r) => String(r.source));
  const unique = (key: (r: Record<string, unknown>) => string) =>
    lists.every(
      (list) => new Set(list.map((r) => key(r as Record<string, unknown>))).size === list.length,
    );
  const found = candidates.find(unique);
  return found && ((record) => found(record as Record<string, unknown>));
}
