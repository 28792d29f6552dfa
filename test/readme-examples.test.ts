// The README's example outputs are excerpts of golden outputs (test/golden/, written by
// golden-outputs.test.ts): a fenced block after `<!-- golden: name -->` must appear in that
// golden, line for line, where a line `…` stands for lines left out.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GOLDEN_DIR } from "./support/golden.ts";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

/** Each `<!-- golden: name -->` marker with the lines of the fenced block that follows it. */
function markedExamples(text: string): [string, string[]][] {
  const found: [string, string[]][] = [];
  const marker = /^( *)<!-- golden: (\S+) -->\n\n\1```[^\n]*\n([\s\S]*?)\n\1```$/gm;
  for (const m of text.matchAll(marker)) {
    const indent = m[1] as string;
    const lines = (m[3] as string)
      .split("\n")
      .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l));
    found.push([m[2] as string, lines]);
  }
  return found;
}

/** Whether `excerpt`'s runs of lines between `…` lines occur in `full`, in order. */
function isExcerptOf(excerpt: string[], full: string[]): boolean {
  const runs: string[][] = [[]];
  for (const line of excerpt) {
    if (line.trim() === "…") runs.push([]);
    else runs.at(-1)?.push(line);
  }
  let from = 0;
  for (const run of runs.filter((r) => r.length > 0)) {
    let at = -1;
    for (let k = from; k + run.length <= full.length && at < 0; k++) {
      if (run.every((line, j) => full[k + j] === line)) at = k;
    }
    if (at < 0) return false;
    from = at + run.length;
  }
  return true;
}

describe("the README's examples", () => {
  const examples = markedExamples(readme);

  it("are marked with the golden they come from", () => {
    expect(examples.map(([name]) => name)).toEqual([
      "forecast-budapest.txt",
      "validate-my-scenario.txt",
    ]);
  });

  it.each(examples)("the block marked %s is an excerpt of that golden", (name, lines) => {
    const golden = readFileSync(`${GOLDEN_DIR}${name}`, "utf8").split("\n");
    expect(isExcerptOf(lines, golden), `README block marked ${name}:\n${lines.join("\n")}`).toBe(
      true,
    );
  });

  it("an excerpt check that can fail: a changed digit or a reordered run is refused", () => {
    const full = ["a", "b 1.0", "c", "d"];
    expect(isExcerptOf(["a", "b 1.0", "…", "d"], full)).toBe(true);
    expect(isExcerptOf(["a", "b 1.1", "…", "d"], full)).toBe(false);
    expect(isExcerptOf(["d", "…", "a"], full)).toBe(false);
  });
});
