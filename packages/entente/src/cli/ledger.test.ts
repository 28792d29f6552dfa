import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entente } from "../../../../test/support/cli.ts";

let root: string;
let data: string;
const ledger = (...argv: string[]) => entente("ledger", ...argv, "--data-dir", data);
const entries = async () =>
  JSON.parse((await ledger("verify", "-f", "json")).stdout).entries as number;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "entente-ledger-cli-"));
  data = join(root, "data");
  const r = await ledger(
    "record",
    "-n",
    "200",
    "-w",
    "0",
    "--date",
    "2025-10-20",
    "--questions",
    "summit-agreement,us-eu-strain,territory",
  );
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

function csv(name: string, text: string): string {
  const file = join(root, name);
  writeFileSync(file, text);
  return file;
}

describe("entente ledger", () => {
  it("records the chosen questions: each model's probability, the sources' figures, the issue's distribution", async () => {
    const list = JSON.parse((await ledger("list", "-f", "json")).stdout);
    expect(
      list.questions.map((q: { question: string; kind: string }) => `${q.question} ${q.kind}`),
    ).toEqual([
      "budapest-2025/us-eu-strain binary",
      "budapest-2025/summit-agreement binary",
      "budapest-2025/territory numeric",
    ]);
    // 3 questions × 3 models, the sources' 3 figures (seed-003; seed-001 and seed-000).
    expect(await entries()).toBe(3 * 3 + 3);
  });

  it("refuses bad input with exit 2 and the field named, writing nothing", async () => {
    const before = await entries();
    const cases: Array<[string[], RegExp]> = [
      [
        ["resolve", "no-such-question", "yes", "--date", "2025-11-01", "--source", "x"],
        /question: no question "no-such-question" in the ledger/,
      ],
      [
        ["resolve", "summit-agreement", "0.5", "--date", "2025-11-01", "--source", "x"],
        /outcome: "budapest-2025\/summit-agreement" is a yes\/no question: expected yes or no, got 0.5/,
      ],
      [
        ["resolve", "territory", "yes", "--date", "2025-11-01", "--source", "x"],
        /is numeric: expected a number from 0 to 100, got true/,
      ],
      [
        ["resolve", "summit-agreement", "maybe", "--date", "2025-11-01", "--source", "x"],
        /outcome: expected yes, no or a number, got "maybe"/,
      ],
      [
        ["resolve", "summit-agreement", "no", "--date", "31/10/2025", "--source", "x"],
        /--date: expected a date YYYY-MM-DD, got "31\/10\/2025"/,
      ],
      [
        ["record", "--questions", "nope", "-n", "10", "-w", "0"],
        /--questions: "nope" is neither a question nor an issue/,
      ],
      [["score", "--reference", "nobody"], /--reference: no forecaster "nobody"/],
    ];
    for (const [argv, message] of cases) {
      const r = await ledger(...argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const imports: Array<[string, RegExp]> = [
      [
        "question,forecaster,probability,date\nbudapest-2025/summit-agreement,alice,0.3,2025-10-21\nbudapest-2025/us-eu-strain,bob,1.5,2025-10-21\n",
        /probability.csv:3:32 row 3 probability: expected a number from 0 to 1, got 1.5/,
      ],
      [
        'question,forecaster,probability,date\nq,alice,"0.3,2025-10-21\n',
        /malformed.csv:2:9 \(syntax\): unclosed quote/,
      ],
      [
        "question,forecaster,probability,date\nq,alice,0.3,2025-10-21,extra\n",
        /cells.csv:2:24 row 2: 5 cells but the header has 4/,
      ],
      [
        "question,forecaster,probability,date\nq,alice,lots,2025-10-21\n",
        /number.csv:2:9 row 2 probability: expected a number, got "lots"/,
      ],
      ["question,forecaster,probability,when\n", /column.csv:1:33 \(header\) when: unknown column/],
      [
        "kind,question,outcome,date,source\nresolution,unrecorded,yes,2025-11-01,news\n",
        /unrecorded.csv:2:1 row 2 question: "unrecorded" has no forecast in the ledger/,
      ],
    ];
    imports.push(
      [
        "question,forecaster,probability,date\nbudapest-2025/summit-agrement,alice,0.3,2025-10-21\n",
        /unknown-question.csv:2:1 row 2 question: "budapest-2025\/summit-agrement" is not a question of the ledger; .* or pass --new-questions/,
      ],
      [
        "question,forecaster,probability,date,supersedes\nbudapest-2025/summit-agreement,mallory,0.5,2025-10-21,1\n",
        /other-forecaster.csv:2:1 row 2 supersedes: expected the number of an earlier forecast by mallory of "budapest-2025\/summit-agreement", got 1/,
      ],
      [
        "question,forecaster,probability,date,percentiles,scale_min,scale_max\nbudapest-2025/territory,alice,0.5,2025-10-21,1 2 3,0,100\n",
        /both.csv:2:\d+ row 2 probability: give a probability \(yes\/no question\) or percentiles \(numeric question\), not both/,
      ],
      [
        '{"format":"entente-ledger/1","head":{"seq":1,"hash":"x"},"records":[null]}',
        /null-record.csv:1:\d+ records.0: expected \{ seq, prevHash, hash, entry \}/,
      ],
      [
        '{"format":"entente-ledger/1","records":[]}',
        /no-head.csv:1:\d+ format: .*|no-head.csv:1:1 head: expected \{ seq, hash \}/,
      ],
      [
        '{"format":"entente-ledger/1","head":{"seq":1,"hash":"x"},"records":[{"seq":1,"prevHash":"0","hash":"x","entry":{"kind":"forecast"}}]}',
        /bad-entry.csv:1:\d+ records.0: the file's chain is broken at entry 1/,
      ],
    );
    for (const [text, message] of imports) {
      const name = message.source.split(".csv")[0]?.replace(/\\/g, "") as string;
      const r = await ledger("import", csv(`${name}.csv`, text));
      expect(r.code, name).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(await entries()).toBe(before);
  });

  it("imports analysts' forecasts, resolves, scores and exports", async () => {
    const imported = await ledger(
      "import",
      csv(
        "analysts.csv",
        "question,forecaster,probability,date,note\n" +
          'budapest-2025/summit-agreement,alice,0.2,2025-10-21,"reads seed 001, ""unlikely"""\n' +
          "budapest-2025/us-eu-strain,alice,0.7,2025-10-21,\n" +
          // Dated after the resolution below: never scored.
          "budapest-2025/us-eu-strain,bob,0.9,2025-11-05,\n",
      ),
    );
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    expect(
      (
        await ledger(
          "resolve",
          "summit-agreement",
          "no",
          "--date",
          "2025-10-31",
          "--source",
          "news",
        )
      ).code,
    ).toBe(0);
    // A wrong resolution, then its correction (which supersedes it).
    expect(
      (await ledger("resolve", "us-eu-strain", "no", "--date", "2025-11-01", "--source", "news"))
        .code,
    ).toBe(0);
    const fixed = await ledger(
      "resolve",
      "us-eu-strain",
      "yes",
      "--date",
      "2025-11-01",
      "--source",
      "correction",
    );
    expect(fixed.stdout).toMatch(
      /resolved budapest-2025\/us-eu-strain: yes \(entry \d+, supersedes \d+\)/,
    );
    expect(
      (await ledger("resolve", "territory", "48", "--date", "2025-12-01", "--source", "map")).code,
    ).toBe(0);

    const scores = JSON.parse((await ledger("score", "-f", "json")).stdout);
    expect(scores.questions).toEqual({ total: 3, resolved: 3 });
    const alice = scores.groups.find((g: { forecaster: string }) => g.forecaster === "alice");
    // (0.2 − 0)² and (0.7 − 1)²: (0.04 + 0.09) / 2.
    expect(alice.binary.n).toBe(2);
    expect(alice.binary.brier).toBeCloseTo(0.065, 12);
    expect(alice.binary.skill).toBeCloseTo(1 - 0.065 / 0.25, 12);
    expect(
      scores.groups.find((g: { forecaster: string }) => g.forecaster === "bob"),
    ).toBeUndefined();
    const model = scores.groups.find((g: { forecaster: string }) => g.forecaster === "compromise");
    expect(model.binary.n).toBe(2);
    expect(model.numeric.n).toBe(1);
    expect(model.numeric.crps).toBeGreaterThan(0);
    const table = (await ledger("score")).stdout;
    expect(table).toContain(
      "3 of 3 questions resolved; scores by forecaster; skill against always 50 %",
    );
    expect(table).toMatch(/alice \(analyst\)\s+2\s+0\.065/);

    // Export as CSV and import into a new ledger: the same forecasts and resolutions.
    const exported = await ledger("export", "--format", "csv");
    const other = join(root, "other");
    const back = await entente(
      "ledger",
      "import",
      csv("export.csv", exported.stdout),
      "--new-questions",
      "--data-dir",
      other,
    );
    expect(back.stderr).toBe("");
    const again = JSON.parse(
      (await entente("ledger", "score", "-f", "json", "--data-dir", other)).stdout,
    );
    expect(again).toEqual(scores);
    expect((await entente("ledger", "verify", "--data-dir", other)).code).toBe(0);
  });
});
