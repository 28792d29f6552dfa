// Provenance of the shipped scenarios: every number cites a declared source.
import { readdirSync } from "node:fs";
import { type Estimate, estimateSources, type Scenario } from "@entente/core";
import { describe, expect, it } from "vitest";
import { readScenario } from "../packages/entente/src/io/read-scenario.ts";

const dir = new URL("../scenarios/", import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith(".yaml"));

function numbers(s: Scenario): Array<[string, Estimate]> {
  const out: Array<[string, Estimate]> = [];
  for (const a of s.actors) out.push([`actor ${a.id} capability`, a.capability]);
  for (const i of s.issues) {
    if (i.statusQuo !== undefined) out.push([`issue ${i.id} statusQuo`, i.statusQuo]);
    if (i.outcome !== undefined) out.push([`issue ${i.id} outcome`, i.outcome]);
  }
  for (const t of s.stances) {
    out.push([`${t.actor}/${t.issue} position`, t.position]);
    out.push([`${t.actor}/${t.issue} salience`, t.salience]);
  }
  return out;
}

describe.each(files)("scenarios/%s", (file) => {
  it("cites a source for every number", async () => {
    const { scenario } = await readScenario(`${dir}${file}`);
    const uncited = numbers(scenario)
      .filter(([, e]) => estimateSources(e).length === 0)
      .map(([what]) => what);
    expect(uncited).toEqual([]);
  });
});

describe("scenarios/budapest-2025.yaml", async () => {
  const { scenario } = await readScenario(`${dir}budapest-2025.yaml`);
  const seeds = new Set(
    scenario.sources.filter((s) => /^\d{3}_[0-9a-f]{16}\.txt$/.test(s.locator)).map((s) => s.id),
  );

  it("declares the five seed articles as sources", () => {
    expect(seeds.size).toBe(5);
  });

  it("cites at least one seed for every position and salience, with a rationale", () => {
    for (const t of scenario.stances) {
      for (const e of [t.position, t.salience]) {
        expect(estimateSources(e).some((id) => seeds.has(id))).toBe(true);
        const notes = Array.isArray(e) ? e.map((x) => x.note) : [(e as { note?: string }).note];
        for (const note of notes) expect(note?.length ?? 0).toBeGreaterThan(10);
      }
    }
  });

  it("has the actors and issues the brief names", () => {
    const actors = scenario.actors.map((a) => a.id);
    for (const id of ["usa", "russia", "ukraine", "eu", "uk", "hungary", "china", "congress"]) {
      expect(actors).toContain(id);
    }
    expect(scenario.issues.length).toBeGreaterThanOrEqual(7);
  });

  it("records disagreeing seeds as lists of estimates", () => {
    const disputed = scenario.stances.flatMap((t) =>
      [t.position, t.salience].filter(
        (e) => Array.isArray(e) && new Set(estimateSources(e)).size > 1,
      ),
    );
    expect(disputed.length).toBeGreaterThanOrEqual(4);
  });
});
