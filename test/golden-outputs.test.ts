// Golden outputs of the commands a reader runs, on small scenarios with known provenance:
//   scenarios/emission-standards.yaml  Bueno de Mesquita (1994) via Scholz, Calbert & Smith
//                                      (2011, Table 1): ten EC states, one issue (years).
//   scenarios/ktab-dummy-3dim.yaml     KTAB's dummyData_3Dim example (MIT, © 2015 KAPSARC).
//   test/fixtures/report/harbour-talks.yaml  an invented three-actor, two-issue case.
//   test/fixtures/invalid/my-scenario.yaml   test/fixtures/valid/minimal.yaml with two mistakes.
//   scenarios/budapest-2025.yaml       the built-in scenario (`npm start`), for the README.
// Numbers in JSON goldens are rounded to 6 significant digits (test/support/golden.ts); a
// changed output is written beside its golden as `-changed` for review. Models are named, not
// taken from the registry, so that adding a model changes no golden.
import { describe, expect, it } from "vitest";
import { entente } from "./support/cli.ts";
import { expectGolden, goldenJson } from "./support/golden.ts";

const EMISSION = "scenarios/emission-standards.yaml";
const KTAB = "scenarios/ktab-dummy-3dim.yaml";
const HARBOUR = "test/fixtures/report/harbour-talks.yaml";
const BUDAPEST = "scenarios/budapest-2025.yaml";
/** The models of the forecast goldens: the eight the goldens were made with. */
const MODELS = "compromise,weighted-median,nash,kalai-smorodinsky,eum,smp,pce,exchange";

const root = new URL("../", import.meta.url).pathname;

/** `entente …args` on files under the repository's root; it must succeed, quietly. */
async function output(...args: string[]): Promise<string> {
  const r = await entente(...args.map((a) => (/\.ya?ml$/.test(a) ? `${root}${a}` : a)));
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return r.stdout;
}

const json = async (...args: string[]) => goldenJson(JSON.parse(await output(...args)));

describe("golden outputs", () => {
  it.each([
    ["table", "txt"],
    ["md", "md"],
    ["csv", "csv"],
  ])("forecast -f %s on the emission-standards case", async (format, ext) => {
    const text = await output("forecast", EMISSION, "--models", MODELS, "-f", format);
    expectGolden(`forecast-emission-standards.${ext}`, text);
  });

  it("forecast -f json on the emission-standards case", async () => {
    const text = await json("forecast", EMISSION, "--models", MODELS, "-f", "json");
    expectGolden("forecast-emission-standards.json", text);
  });

  it("forecast on the built-in Budapest scenario (the README's `npm start` excerpt)", async () => {
    expectGolden("forecast-budapest.txt", await output("forecast", BUDAPEST, "--models", MODELS));
  });

  it("run -f json: the expected-utility model's rounds on the emission-standards case", async () => {
    const text = await json("run", "--model", "eum", EMISSION, "-f", "json");
    expectGolden("run-eum-emission-standards.json", text);
  });

  it("run -f json: the exchange model's trades on KTAB's three-issue example", async () => {
    const text = await json("run", "--model", "exchange", KTAB, "--rounds", "2", "-f", "json");
    expectGolden("run-exchange-ktab-dummy-3dim.json", text);
  });

  it("simulate (table and JSON) on the emission-standards case", async () => {
    const args = ["simulate", EMISSION, "-n", "1000", "--models", "compromise,eum", "-w", "0"];
    expectGolden("simulate-emission-standards.txt", await output(...args));
    expectGolden("simulate-emission-standards.json", await json(...args, "-f", "json"));
  });

  it("validate on the README's example of a scenario with two mistakes", async () => {
    const file = `${root}test/fixtures/invalid/my-scenario.yaml`;
    const r = await entente("validate", file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const dir = file.slice(0, file.lastIndexOf("/") + 1);
    expectGolden("validate-my-scenario.txt", r.stderr.replaceAll(dir, ""));
  });

  it("deals -f json on the harbour talks", async () => {
    expectGolden("deals-harbour-talks.json", await json("deals", HARBOUR, "-f", "json"));
  });
});
