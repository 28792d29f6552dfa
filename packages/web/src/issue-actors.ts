/**
 * Where each actor sits on an issue, read from the scenario being edited (drafts included), for
 * the issue chart of `@entente/charts`.
 * @module
 */
import type { IssueActor } from "@entente/charts";
import type { Scenario } from "@entente/core";
import type { Move } from "./forecast-protocol.ts";
import { draftCentral } from "./scenario-edit.ts";

/** The actors with a stance on an issue; `moved` overrides one actor's position (a drag). */
export function issueActors(scenario: Scenario, issue: string, moved?: Move): IssueActor[] {
  const out: IssueActor[] = [];
  for (const actor of scenario.actors) {
    const stance = scenario.stances.find((s) => s.actor === actor.id && s.issue === issue);
    if (!stance) continue;
    const p = stance.position;
    const central = draftCentral(p);
    const position =
      moved && moved.issue === issue && moved.actor === actor.id ? moved.position : central;
    const shift = position - central;
    let low: number | undefined;
    let high: number | undefined;
    let estimates: number[] = [];
    if (Array.isArray(p)) {
      estimates = p.map((e) => Number(e.value) + shift);
      low = Math.min(...estimates);
      high = Math.max(...estimates);
    } else if (typeof p === "object" && p !== null) {
      if (p.low !== undefined) low = p.low + shift;
      if (p.high !== undefined) high = p.high + shift;
    }
    out.push({
      id: actor.id,
      name: actor.name,
      position,
      capability: draftCentral(actor.capability),
      salience: draftCentral(stance.salience),
      ...(low === undefined ? {} : { low }),
      ...(high === undefined ? {} : { high }),
      estimates,
    });
  }
  return out;
}
