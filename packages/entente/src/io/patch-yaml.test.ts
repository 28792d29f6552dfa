import { readFileSync } from "node:fs";
import type { Scenario } from "@entente/core";
import { describe, expect, it } from "vitest";
import { patchYaml } from "./patch-yaml.ts";
import { parseScenario } from "./read-scenario.ts";

const file = new URL("../../../../scenarios/budapest-2025.yaml", import.meta.url);
const text = readFileSync(file, "utf8");

function read(yaml: string): Scenario {
  const parsed = parseScenario(new TextEncoder().encode(yaml), "budapest-2025.yaml");
  if ("diagnostics" in parsed) throw new Error(JSON.stringify(parsed.diagnostics));
  return parsed.scenario;
}
const base = read(text);
const edit = (f: (s: Scenario) => Scenario) => {
  const after = f(structuredClone(base));
  const out = patchYaml(text, base, after);
  if (out === undefined) throw new Error("not patched");
  expect(read(out)).toEqual(after);
  return out;
};
/** Lines of `b` not in `a` and lines of `a` not in `b` (as multisets, in order). */
function lineDiff(a: string, b: string) {
  const count = (s: string) => {
    const m = new Map<string, number>();
    for (const l of s.split("\n")) m.set(l, (m.get(l) ?? 0) + 1);
    return m;
  };
  const ca = count(a);
  const cb = count(b);
  const only = (x: Map<string, number>, y: Map<string, number>) =>
    [...x].flatMap(([l, n]) => Array(Math.max(0, n - (y.get(l) ?? 0))).fill(l));
  return { removed: only(ca, cb), added: only(cb, ca) };
}
const comments = (s: string) => s.split("\n").filter((l) => l.trimStart().startsWith("#")).length;

describe("patchYaml (saving an edit into the file it came from)", () => {
  it("changes one number inside a multi-line flow estimate and nothing else", () => {
    const out = edit((s) => {
      const st = s.stances.find((x) => x.actor === "russia" && x.issue === "territory");
      (st?.position as { value: number }).value = 85;
      return s;
    });
    expect(lineDiff(text, out)).toEqual({
      removed: ["        value: 90,"],
      added: ["        value: 85,"],
    });
  });

  it("adds an actor and its stance as new lines, keeping every comment and the $schema line", () => {
    const out = edit((s) => ({
      ...s,
      actors: [...s.actors, { id: "turkey", name: "Türkiye", capability: 20 }],
      stances: [...s.stances, { actor: "turkey", issue: "territory", position: 40, salience: 30 }],
    }));
    const { removed, added } = lineDiff(text, out);
    expect(removed).toEqual([]);
    expect(added.sort()).toEqual(
      [
        "  - id: turkey",
        "    name: Türkiye",
        "    capability: 20",
        "  - actor: turkey",
        "    issue: territory",
        "    position: 40",
        "    salience: 30",
      ].sort(),
    );
    expect(comments(out)).toBe(comments(text));
    expect(out.split("\n")[0]).toBe(text.split("\n")[0]);
  });

  it("removes a stance's lines only", () => {
    const gone = base.stances.findIndex((x) => x.actor === "usa" && x.issue === "territory");
    const out = edit((s) => ({
      ...s,
      stances: s.stances.filter((_, i) => i !== gone),
    }));
    const { removed, added } = lineDiff(text, out);
    expect(added).toEqual([]);
    expect(removed.length).toBeGreaterThan(3);
    expect(removed).toContain("  - actor: usa");
  });

  it("rewrites a changed folded description as that key only", () => {
    const out = edit((s) => ({ ...s, title: "Budapest, revisited", description: "Short now." }));
    const { removed, added } = lineDiff(text, out);
    expect(added).toEqual(["title: Budapest, revisited", "description: Short now."]);
    expect(removed[0]).toBe("title: Trump–Putin summit in Budapest (October 2025)");
    expect(removed[1]).toBe("description: >-");
    expect(comments(out)).toBe(comments(text));
  });

  it("changes a list item's first key in place, keeping its dash", () => {
    const out = edit((s) => ({
      ...s,
      sources: s.sources.map((x, i) => (i === 0 ? { ...x, title: "Renamed" } : x)),
    }));
    expect(lineDiff(text, out).added).toEqual(["    title: Renamed"]);
  });

  it("returns the text unchanged when nothing changed", () => {
    expect(patchYaml(text, base, structuredClone(base))).toBe(text);
  });
});
