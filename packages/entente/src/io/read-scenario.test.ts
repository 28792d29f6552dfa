import { mkdtemp, open, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import corpus from "../../../../test/fixtures/invalid/expected.json" with { type: "json" };
import { formatDiagnostic, InputError } from "./diagnostic.ts";
import { parseScenario, readScenario } from "./read-scenario.ts";

const root = new URL("../../../../", import.meta.url);
const fixture = (path: string) => new URL(`test/fixtures/${path}`, root).pathname;
const expected: Record<string, string[]> = corpus.expected;

async function diagnosticsOf(file: string): Promise<string[]> {
  try {
    await readScenario(file);
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics.map(formatDiagnostic);
    throw e;
  }
  return [];
}

describe("readScenario on the malformed corpus", async () => {
  const files = (await readdir(fixture("invalid"))).filter((f) => f !== "expected.json");

  it("has at least 20 malformed files, each with golden diagnostics", () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(files)("%s: every problem reported at file:line:col", async (name) => {
    const file = fixture(`invalid/${name}`);
    const lines = await diagnosticsOf(file);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^.+:\d+:\d+ \S+: .+$/);
    expect(lines.map((l) => l.slice(file.length + 1))).toEqual(expected[name]);
  });

  it("reports every error in a file at once", async () => {
    expect(await diagnosticsOf(fixture("invalid/many-errors.yaml"))).toHaveLength(3);
  });

  it("refuses a 50 MB file without reading it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "entente-"));
    const file = join(dir, "huge.yaml");
    try {
      const handle = await open(file, "w");
      await handle.truncate(50 * 1024 * 1024);
      await handle.close();
      expect(await diagnosticsOf(file)).toEqual([
        `${file}:1:1 (file): file is 50.0 MB; scenario files are limited to 10.0 MB`,
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("says so when the file does not exist or is a directory", async () => {
    expect(await diagnosticsOf("no/such/file.yaml")).toEqual([
      "no/such/file.yaml:1:1 (file): no such file",
    ]);
    const dir = fixture("valid");
    expect(await diagnosticsOf(dir)).toEqual([
      `${dir}:1:1 (file): not a file; expected a YAML or JSON scenario file`,
    ]);
  });
});

describe("readScenario on valid files", () => {
  it("reads YAML and the same scenario as JSON identically", async () => {
    const yaml = await readScenario(fixture("valid/minimal.yaml"));
    const bytes = new TextEncoder().encode(JSON.stringify(yaml.scenario));
    const json = parseScenario(bytes, "minimal.json");
    expect(json).toEqual({ scenario: yaml.scenario });
  });

  it("accepts a UTF-8 byte-order mark and CRLF line endings", async () => {
    const text = await readFile(fixture("valid/minimal.yaml"), "utf8");
    const bytes = new TextEncoder().encode(`\uFEFF${text.replaceAll("\n", "\r\n")}`);
    expect("scenario" in parseScenario(bytes, "crlf.yaml")).toBe(true);
  });

  it("locates errors in a JSON file", () => {
    const text = '{\n  "id": "x",\n  "title": 5\n}\n';
    const result = parseScenario(new TextEncoder().encode(text), "x.json");
    expect("diagnostics" in result && result.diagnostics.map(formatDiagnostic)).toContain(
      "x.json:3:12 title: expected a string, got 5",
    );
  });
});

describe("parseScenario never throws", () => {
  it("on random mutations of a valid scenario's document", async () => {
    const base = (await readScenario(fixture("valid/minimal.yaml"))).scenario;
    const leaf = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.double(),
      fc.integer({ min: -200, max: 200 }),
      fc.string({ maxLength: 8 }),
      fc.constant([]),
      fc.constant({}),
    );
    const mutation = fc.record({
      pick: fc.nat(),
      kind: fc.constantFrom("replace", "delete", "duplicate", "rename"),
      value: leaf,
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
        const doc = structuredClone(base) as unknown as Record<string, unknown>;
        for (const m of mutations) mutate(doc, m);
        const result = parseScenario(new TextEncoder().encode(stringify(doc)), "m.yaml");
        if ("diagnostics" in result) {
          for (const d of result.diagnostics)
            expect(formatDiagnostic(d)).toMatch(/^m\.yaml:\d+:\d+ /);
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });

  it("on random byte edits of a valid file", async () => {
    const bytes = await readFile(fixture("valid/minimal.yaml"));
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(), byte: fc.nat({ max: 255 }) }), { maxLength: 8 }),
        (edits) => {
          const copy = new Uint8Array(bytes);
          for (const e of edits) copy[e.at % copy.length] = e.byte;
          const result = parseScenario(copy, "b.yaml");
          expect("scenario" in result || result.diagnostics.length > 0).toBe(true);
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });
});

type Mutation = { pick: number; kind: string; value: unknown };

/** Apply one mutation at a node chosen by `pick` among all nodes of the document. */
function mutate(doc: Record<string, unknown>, m: Mutation): void {
  const slots: Array<[Record<string, unknown> | unknown[], string | number]> = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) {
        slots.push([v, i]);
        walk(x);
      }
    } else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        slots.push([v as Record<string, unknown>, k]);
        walk(x);
      }
    }
  };
  walk(doc);
  const slot = slots[m.pick % slots.length];
  if (!slot) return;
  const [parent, key] = slot;
  const target = parent as Record<string | number, unknown>;
  if (m.kind === "replace") target[key] = m.value;
  else if (m.kind === "delete") {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete target[key];
  } else if (m.kind === "duplicate" && Array.isArray(parent)) {
    parent.push(structuredClone(parent[key as number]));
  } else if (m.kind === "rename" && !Array.isArray(parent)) {
    target[`${String(key)}x`] = target[key];
    delete target[key];
  }
}
