import type { Scenario } from "@entente/core";
import { stringify } from "yaml";

/**
 * A drafted scenario as YAML, headed by what it is and what to do with it: which model wrote
 * it, how many numbers the grounding check dropped, and how to review it.
 */
export function draftYaml(scenario: Scenario, schemaRef: string): string {
  const dropped = scenario.draft?.dropped.length ?? 0;
  const header = [
    `# yaml-language-server: $schema=${schemaRef}`,
    `# Machine draft by \`entente draft\` with ${scenario.draft?.model ?? "a language model"}: NOT REVIEWED.`,
    "# Every number cites its source and a verbatim quote found in it; the quotes are evidence for",
    `# the analyst only. ${dropped} proposed number${dropped === 1 ? " was" : "s were"} dropped (see draft.dropped).`,
    "# Review each number against its quote (workbench: Draft from articles), then delete `draft:`.",
  ];
  return `${header.join("\n")}\n${stringify(scenario, { lineWidth: 100 })}`;
}
