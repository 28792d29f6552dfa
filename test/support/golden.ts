// Test support: golden outputs in test/golden/, in the style of Observable Plot's snapshots.
// A changed output is written beside its golden as `<name>-changed.<ext>` for review (diff the
// two); UPDATE_GOLDEN=1 accepts the change by rewriting the golden.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { expect } from "vitest";

/** Where the golden files live. */
export const GOLDEN_DIR = new URL("../golden/", import.meta.url).pathname;

/** `forecast.json` → `forecast-changed.json`: where a changed output goes for review. */
export function changedName(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? `${name.slice(0, dot)}-changed${name.slice(dot)}` : `${name}-changed`;
}

/**
 * Expect `text` to equal `test/golden/<name>` byte for byte. When it differs, the output is
 * written to `<name>-changed.<ext>` beside the golden and the test fails naming both; when it
 * matches, a stale `-changed` file is removed. With UPDATE_GOLDEN=1 the golden is (re)written
 * instead, so a deliberate change of output is one command and a reviewed diff. On CI a
 * missing golden fails instead of being written.
 */
export function expectGolden(name: string, text: string): void {
  const file = `${GOLDEN_DIR}${name}`;
  const changed = `${GOLDEN_DIR}${changedName(name)}`;
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(file)) {
    if (process.env.CI === "true" && !existsSync(file)) {
      throw new Error(`golden file ${name} is missing; run the tests with UPDATE_GOLDEN=1`);
    }
    writeFileSync(file, text);
    rmSync(changed, { force: true });
    return;
  }
  const golden = readFileSync(file, "utf8");
  if (text === golden) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, text);
  expect.fail(
    `output differs from test/golden/${name}; the new output is in test/golden/${changedName(name)} ` +
      `(diff the two; UPDATE_GOLDEN=1 accepts it)`,
  );
}

/**
 * JSON for a golden file: two-space indented, every number rounded to `digits` significant
 * digits, so that the golden pins what a reader sees and not the last bits of a float.
 */
export function goldenJson(value: unknown, digits = 6): string {
  const round = (_: string, v: unknown) =>
    typeof v === "number" && Number.isFinite(v) && !Number.isInteger(v)
      ? Number(v.toPrecision(digits))
      : v;
  return `${JSON.stringify(value, round, 2)}\n`;
}
