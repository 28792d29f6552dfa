import { readFileSync, writeFileSync } from "node:fs";
import { models } from "@entente/core";
import { expect, it } from "vitest";
import { deu3Evidence } from "./deu3-evidence.ts";
import { parseDeu3 } from "./deu3-parse.ts";
import { runDeu3Backtest } from "./run-backtest.ts";

const data = new URL("../../../../test/fixtures/deu3/deu3.csv", import.meta.url).pathname;
const shipped = new URL("./deu3-evidence.json", import.meta.url).pathname;

it("the shipped DEU III evidence is what the backtest measures today", () => {
  const parsed = parseDeu3(readFileSync(data, "utf8"), data);
  if (!("table" in parsed)) throw new Error("deu3.csv does not parse");
  // The models the shipped evidence covers (all of them when it is rewritten).
  const covered = new Set<string>(
    JSON.parse(readFileSync(shipped, "utf8")).models.map((m: { model: string }) => m.model),
  );
  const chosen =
    process.env.UPDATE_GOLDEN === "1" ? models : models.filter((m) => covered.has(m.id));
  const text = `${JSON.stringify(
    deu3Evidence(runDeu3Backtest(parsed.table, chosen, { capability: "equal", dataset: "deu3" })),
    null,
    2,
  )}\n`;
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(shipped, text);
  expect(text).toBe(readFileSync(shipped, "utf8"));
  // The figures docs/calibration.md quotes for the compromise model (held out: 80 % coverage 80.6).
  const compromise = JSON.parse(text).models[0];
  expect(compromise).toMatchObject({ model: "compromise", n: 175, coverage: { "80": 0.806 } });
});
