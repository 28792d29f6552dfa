import type { Scenario } from "../scenario/schema.ts";

/**
 * An uncertain input's label as {@link sensitivity} writes it (`usa / territory position`,
 * `russia capability`, `territory status quo`) in the scenario's names and titles, for
 * tornado charts and reports: "United States: position on Territory". Unknown forms are
 * returned as they are.
 */
export function inputName(scenario: Pick<Scenario, "actors" | "issues">, input: string): string {
  const actor = (id: string) => scenario.actors.find((a) => a.id === id)?.name ?? id;
  const issue = (id: string) => scenario.issues.find((i) => i.id === id)?.title ?? id;
  const stance = /^(\S+) \/ (\S+) (position|salience|capability)$/.exec(input);
  if (stance) return `${actor(stance[1] as string)}: ${stance[3]} on ${issue(stance[2] as string)}`;
  const capability = /^(\S+) capability$/.exec(input);
  if (capability) return `${actor(capability[1] as string)}: capability`;
  const statusQuo = /^(\S+) status quo$/.exec(input);
  if (statusQuo) return `status quo of ${issue(statusQuo[1] as string)}`;
  return input;
}
