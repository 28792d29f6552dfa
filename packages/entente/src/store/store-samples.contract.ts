/**
 * The scenario and revisions the store contract saves: small, valid, and each save told apart.
 * @module
 */
import { type Scenario, validateScenario } from "@entente/core";
import type { NewRevision } from "./records.ts";

/** A small valid scenario document with the given id and title. */
export function sampleScenario(id: string, title = `Scenario ${id}`): Scenario {
  const result = validateScenario({
    id,
    title,
    asOf: "2025-01-31",
    actors: [
      { id: "a", name: "Alpha", capability: 2 },
      { id: "b", name: "Beta", capability: 1 },
    ],
    issues: [
      {
        id: "tariff",
        title: "Tariff level",
        scale: { minLabel: "Free trade", maxLabel: "Prohibitive tariffs" },
        statusQuo: 40,
      },
    ],
    stances: [
      { actor: "a", issue: "tariff", position: 20, salience: 50 },
      { actor: "b", issue: "tariff", position: 80, salience: 70 },
    ],
  });
  if (!result.ok) throw new Error(`sample scenario is invalid: ${JSON.stringify(result.issues)}`);
  return result.scenario;
}

/** A revision whose text records `note`, so each save can be told apart. */
export function sampleRevision(
  id: string,
  note: string,
  extra: Partial<NewRevision> = {},
): NewRevision {
  const scenario = sampleScenario(id, `Scenario ${id} (${note})`);
  return {
    text: `# ${note}\n${JSON.stringify(scenario)}\n`,
    format: "yaml",
    scenario,
    ...extra,
  };
}
