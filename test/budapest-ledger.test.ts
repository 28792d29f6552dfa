// The pre-registered Budapest ledger (scenarios/budapest-2025.ledger.json): the questions'
// probabilities as of the scenario's date, unresolved, with an intact chain. Regenerate it after
// changing the scenario or the models with
//   d=$(mktemp -d) && npm run entente -- ledger record --date 2025-10-20 --data-dir $d &&
//   npm run entente -- ledger export -o scenarios/budapest-2025.ledger.json --data-dir $d
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readScenario } from "../packages/entente/src/io/read-scenario.ts";
import {
  documentEntries,
  type LedgerDocument,
} from "../packages/entente/src/ledger/ledger-document.ts";
import { contentHash } from "../packages/entente/src/ledger/ledger-hash.ts";
import { entente } from "./support/cli.ts";

const dir = new URL("../scenarios/", import.meta.url).pathname;
const file = `${dir}budapest-2025.ledger.json`;
const doc = JSON.parse(readFileSync(file, "utf8")) as LedgerDocument;

describe("the pre-registered Budapest ledger", () => {
  it("has an intact chain and records the current scenario as of its date, unresolved", async () => {
    const read = documentEntries(doc);
    expect(read.ok).toBe(true);
    const { scenario } = await readScenario(`${dir}budapest-2025.yaml`);
    const entries = doc.records.map((r) => r.entry);
    expect(entries.every((e) => e.kind === "forecast")).toBe(true);
    for (const e of entries) {
      if (e.kind !== "forecast") continue;
      expect(e.date).toBe(scenario.asOf);
      expect(
        e.scenario?.hash,
        "the scenario changed since the ledger was recorded: regenerate it",
      ).toBe(contentHash(scenario));
    }
    // Every question and every issue, by each of the three default models.
    const ids = [
      ...(scenario.questions ?? []).map((q) => q.id),
      ...scenario.issues.map((i) => i.id),
    ];
    for (const id of ids) {
      const models = entries.filter(
        (e) =>
          e.question === `budapest-2025/${id}` &&
          e.kind === "forecast" &&
          e.forecasterKind === "model",
      );
      expect(
        models.map((e) => (e.kind === "forecast" ? e.forecaster : "")),
        id,
      ).toEqual(["compromise", "weighted-median", "eum"]);
      for (const e of models) {
        if (e.kind === "forecast" && e.probability !== undefined) {
          expect(e.probability).toBeGreaterThan(0);
          expect(e.probability).toBeLessThan(1);
        }
      }
    }
    // seed-003's three scenarios with its own 40 / 60 / 80 %.
    const seed003 = entries.flatMap((e) =>
      e.kind === "forecast" && e.forecaster === "seed-003" ? [[e.question, e.probability]] : [],
    );
    expect(seed003).toEqual([
      ["budapest-2025/us-russia-cooperation", 0.4],
      ["budapest-2025/us-eu-strain", 0.6],
      ["budapest-2025/continued-instability", 0.8],
    ]);
  });

  it("imports into an empty ledger, which then verifies", async () => {
    const data = mkdtempSync(join(tmpdir(), "entente-ledger-fixture-"));
    try {
      const imported = await entente("ledger", "import", file, "--data-dir", data);
      expect(imported.stderr).toBe("");
      expect(imported.stdout).toBe(
        `imported ${doc.records.length} entries from ${file} (entries 1–${doc.records.length})\n`,
      );
      // Same entries in the same order, so the same chain and head.
      const verified = await entente("ledger", "verify", "--data-dir", data);
      expect(verified.stdout).toBe(
        `ledger intact: ${doc.records.length} entries, head ${doc.head.hash}\n`,
      );
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });
});
