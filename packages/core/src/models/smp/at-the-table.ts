import type { ScenarioData } from "../../scenario/prepare.ts";

/**
 * The scenario with only the actors that take part in at least one issue (a phase's table, or
 * after a shock removed someone), renumbered in scenario order.
 */
export function atTheTable(data: ScenarioData): ScenarioData {
  const present = new Uint8Array(data.actors.length);
  for (const issue of data.issues) for (const a of issue.actors) present[a] = 1;
  if (present.every((x) => x === 1)) return data;
  const index = new Int32Array(data.actors.length).fill(-1);
  const actors: ScenarioData["actors"][number][] = [];
  data.actors.forEach((actor, i) => {
    if (!present[i]) return;
    index[i] = actors.length;
    actors.push(actor);
  });
  return {
    ...data,
    actors,
    issues: data.issues.map((issue) => ({
      ...issue,
      actors: Int32Array.from(issue.actors, (a) => index[a] as number),
    })),
  };
}
