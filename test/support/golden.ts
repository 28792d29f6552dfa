// Test support: compare text with a golden file in test/golden/ (UPDATE_GOLDEN=1 rewrites it).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { expect } from "vitest";

const dir = new URL("../golden/", import.meta.url).pathname;

/**
 * Expect `text` to equal `test/golden/<name>` byte for byte. With UPDATE_GOLDEN=1 the file is
 * (re)written instead, so a deliberate change of output is one command and a reviewed diff.
 */
export function expectGolden(name: string, text: string): void {
  const file = `${dir}${name}`;
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(file)) {
    if (process.env.CI === "true" && !existsSync(file)) {
      throw new Error(`golden file ${name} is missing; run the tests with UPDATE_GOLDEN=1`);
    }
    writeFileSync(file, text);
    return;
  }
  expect(text).toBe(readFileSync(file, "utf8"));
}
