import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { evaluateOutcomes, type GeniusUtilitySpace } from "@entente/core";
import { describe, expect, it } from "vitest";
import { type Diagnostic, formatDiagnostic, InputError } from "../diagnostic.ts";
import {
  geniusFromParsed,
  parseGeniusXml,
  partyName,
  readGeniusFiles,
  readGeniusScenario,
} from "./read-genius.ts";

const root = new URL("../../../../../test/fixtures/negotiation-domains/genius/", import.meta.url);
const fixture = (path: string) => new URL(path, root).pathname;
const ez = "anac2010/EnglandZimbabwe/";
const bytes = (text: string) => new TextEncoder().encode(text);

/** Parse a domain and profiles given as text; the diagnostics as `file:line:col path: message`. */
function convert(domain: string | undefined, ...profiles: string[]): string[] {
  const parse = (text: string, file: string) => {
    const r = parseGeniusXml(bytes(text), file);
    if ("diagnostics" in r) throw new InputError(r.diagnostics);
    return { file, space: r.space };
  };
  const result = geniusFromParsed(
    domain === undefined ? undefined : parse(domain, "d.xml"),
    profiles.map((p, i) => parse(p, `p${i + 1}.xml`)),
  );
  return "diagnostics" in result ? result.diagnostics.map(formatDiagnostic) : [];
}

function syntax(text: string, file = "x.xml"): string[] {
  const r = parseGeniusXml(bytes(text), file);
  return "diagnostics" in r ? r.diagnostics.map(formatDiagnostic) : [];
}

async function thrown(f: () => Promise<unknown>): Promise<Diagnostic[]> {
  try {
    await f();
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics;
    throw e;
  }
  return [];
}

const DOMAIN = `<negotiation_template>
  <utility_space>
    <objective index="0" name="root" type="objective">
      <issue index="1" name="Price" type="discrete">
        <item index="1" value="low"/>
        <item index="2" value="high"/>
      </issue>
      <issue index="2" name="Delivery" type="discrete">
        <item index="1" value="slow"/>
        <item index="2" value="fast"/>
      </issue>
    </objective>
  </utility_space>
</negotiation_template>`;

const profile = (
  opts: { eval?: string; extra?: string; weights?: string; head?: string } = {},
) => `${opts.head ?? "<utility_space>"}
  <objective index="0" name="root">
    <issue index="1" name="Price" type="discrete">
      <item index="1" value="low" evaluation="${opts.eval ?? "2"}"/>
      <item index="2" value="high" evaluation="8"/>${opts.extra ?? ""}
    </issue>
    <issue index="2" name="Delivery" type="discrete">
      <item index="1" value="slow" evaluation="1"/>
      <item index="2" value="fast" evaluation="4"/>
    </issue>
${opts.weights ?? `    <weight index="1" value="0.75"/>\n    <weight index="2" value="0.25"/>`}
  </objective>
  <reservation value="0.3"/>
  <discount_factor value="0.9"/>
</utility_space>`;

describe("Genius XML import", () => {
  it("normalises each issue by its largest evaluation and reads reservation and discount", () => {
    const d = parseGeniusXml(bytes(DOMAIN), "d.xml") as { space: GeniusUtilitySpace };
    const p = parseGeniusXml(bytes(profile()), "p.xml") as { space: GeniusUtilitySpace };
    const r = geniusFromParsed({ file: "d.xml", ...d }, [{ file: "seller.xml", ...p }]);
    if ("diagnostics" in r) throw new Error(r.diagnostics.map(formatDiagnostic).join("\n"));
    const [u] = r.utilities;
    expect(u?.id).toBe("seller");
    expect(u?.reservation).toBe(0.3);
    expect(u?.discount).toBe(0.9);
    expect(u?.cap).toBe(1);
    expect(r.space.issues.map((i) => i.labels)).toEqual([
      ["low", "high"],
      ["slow", "fast"],
    ]);
    // U(low, fast) = 0.75 · 2/8 + 0.25 · 4/4
    const [all] = evaluateOutcomes(r.space, r.utilities);
    expect(Array.from(all as Float64Array)).toEqual([
      0.75 * (2 / 8) + 0.25 * (1 / 4),
      0.75 * (2 / 8) + 0.25 * 1,
      0.75 + 0.25 * (1 / 4),
      0.75 + 0.25,
    ]);
  });

  it("reads the England–Zimbabwe files, telling the domain from the profiles", async () => {
    const files = ["England.xml", "EnglandZimbabwe_domain.xml", "Zimbabwe.xml"].map((f) =>
      fixture(ez + f),
    );
    const auto = await readGeniusFiles(files);
    const explicit = await readGeniusScenario({
      domain: fixture(`${ez}EnglandZimbabwe_domain.xml`),
      profiles: [fixture(`${ez}England.xml`), fixture(`${ez}Zimbabwe.xml`)],
    });
    expect(auto.utilities.map((u) => u.id)).toEqual(["England", "Zimbabwe"]);
    expect(auto.space.size).toBe(576);
    expect(evaluateOutcomes(auto.space, auto.utilities)).toEqual(
      evaluateOutcomes(explicit.space, explicit.utilities),
    );
    // Without a domain file the first profile's tree defines the issues.
    const bare = await readGeniusScenario({
      profiles: [fixture(`${ez}England.xml`), fixture(`${ez}Zimbabwe.xml`)],
    });
    expect(bare.space.issues.map((i) => i.labels)).toEqual(
      explicit.space.issues.map((i) => i.labels),
    );
  });

  it("ignores AMPO's similarity_function items and reports the duplicated value", async () => {
    const r = await readGeniusScenario({
      domain: fixture("AMPOvsCity/ampo_vs_city_template.xml"),
      profiles: [fixture("AMPOvsCity/ampo_vs_city_ampo_space.xml")],
    });
    expect(r.space.radices).toEqual(Int32Array.from([6, 5, 6, 5, 3, 4, 3, 6, 2, 5]));
    expect(r.notes).toEqual([
      'ampo_vs_city_ampo_space: issue "Increase in starting salaries" lists value "0" twice (evaluations 0 and 8); kept the last (8)',
    ]);
    // Items matched by value, not position: AMPO lists "Keep" first, the domain "Fire".
    const daniels = r.space.issues.findIndex((i) => i.id === "Commisioner Daniels");
    expect(r.space.issues[daniels]?.labels).toEqual(["Fire", "Keep"]);
    expect(Array.from(r.utilities[0]?.contributions[daniels] as Float64Array)).toEqual([0.07, 0]);
  });

  it("names parties after their files", () => {
    expect(partyName("/a/b/England10.xml")).toBe("England10");
    expect(partyName("c/party.XML")).toBe("party");
  });
});

describe("Genius XML diagnostics: file:line:col field: what is allowed", () => {
  it("locates a syntax error", () => {
    expect(syntax('<utility_space>\n  <objective name="x">\n</utility_space>')).toEqual([
      "x.xml:3:16 (syntax): invalid XML: unexpected close tag.",
    ]);
    expect(syntax("")).toEqual([
      "x.xml:1:1 (syntax): invalid XML: document must contain a root element.",
    ]);
  });

  it("refuses a file that is neither a domain nor a profile", () => {
    expect(syntax('<?xml version="1.0"?>\n<scenario/>')).toEqual([
      "x.xml:2:1 scenario: expected a Genius domain (<negotiation_template> with a <utility_space>) or profile (<utility_space>), found <scenario>",
    ]);
  });

  it("reports attributes that are not numbers, at their element", () => {
    expect(syntax(profile({ eval: "high" }), "p.xml")).toEqual([
      'p.xml:4:7 issue[1].item["low"]@evaluation: expected an evaluation (a number ≥ 0), got "high"',
    ]);
    expect(syntax(profile({ weights: '    <weight index="one" value="x"/>' }), "p.xml")).toEqual([
      'p.xml:11:5 weight@index: expected an integer index, got "one"',
      'p.xml:11:5 weight[one]@value: expected a weight (a number ≥ 0), got "x"',
    ]);
  });

  it("reports every conversion problem in every file at once", () => {
    const bad = profile({
      eval: "-1",
      extra: '\n      <item index="3" value="medium" evaluation="5"/>',
      weights: '    <weight index="1" value="0.75"/>\n    <weight index="7" value="0.25"/>',
    }).replace('<reservation value="0.3"/>', '<reservation value="1.5"/>');
    expect(convert(DOMAIN, bad)).toEqual([
      'p1.xml:1:1 weight[2]: no weight for issue 2 ("Delivery"); every issue needs a <weight index="2" value="…"/>',
      'p1.xml:4:7 issue[1].item["low"]@evaluation: expected an evaluation ≥ 0, got -1',
      'p1.xml:6:7 issue[1].item["medium"]@value: value "medium" is not an option of issue 1 ("Price"); options: "low", "high"',
      "p1.xml:13:5 weight[7]@index: no issue with index 7; issue indices: 1, 2",
      "p1.xml:15:3 reservation@value: expected a reservation value from 0 to 1, got 1.5",
    ]);
  });

  it("reports a profile value without evaluation and an issue missing from the profile", () => {
    const missingItem = profile().replace(
      '      <item index="2" value="fast" evaluation="4"/>\n',
      "",
    );
    expect(convert(DOMAIN, missingItem)).toEqual([
      'p1.xml:7:5 issue[2].item["fast"]: no evaluation for value "fast" of issue 2 ("Delivery")',
    ]);
    const renamed = profile().replace('name="Delivery"', 'name="Shipping"');
    expect(convert(DOMAIN, renamed)).toEqual([
      'p1.xml:7:5 issue[2]@name: issue 2 is "Delivery" in the domain but "Shipping" in the profile',
    ]);
  });

  it("refuses non-linear and constraint profiles and non-discrete issues with what is supported", async () => {
    const nonlinear = await thrown(() =>
      readGeniusScenario({
        domain: fixture("anac2014/10issues/10issues-domain.xml"),
        profiles: [fixture("anac2014/10issues/profile-1.xml")],
      }),
    );
    expect(nonlinear.map((d) => `${d.line}:${d.col} ${d.path}: ${d.message}`)).toEqual([
      // The domain's ten integer issues (lines 5–14), then the profile's type (line 4, after
      // the file's leading comment and misplaced XML declaration).
      ...Array.from(
        { length: 10 },
        (_, i) =>
          `${i + 5}:4 issue[${i + 1}]@type: issue type "integer" is not supported; supported: discrete`,
      ),
      '4:1 utility_space@type: utility space type "nonlinear" is not supported; supported: additive profiles (no type, or type="UNCERTAIN", read as the additive profile it contains)',
    ]);
    const constraint = await thrown(() =>
      readGeniusScenario({
        domain: fixture("Railway/Railway.xml"),
        profiles: [fixture("Railway/NS.xml")],
      }),
    );
    expect(constraint.map(formatDiagnostic)).toEqual([
      `${fixture("Railway/NS.xml")}:2:1 utility_space@type: utility space type "constraint" is not supported; supported: additive profiles (no type, or type="UNCERTAIN", read as the additive profile it contains)`,
    ]);
  });

  it("reports unreadable files and a second domain", async () => {
    const dir = await mkdtemp(join(tmpdir(), "entente-genius-"));
    try {
      const garbage = join(dir, "garbage.xml");
      await writeFile(garbage, Uint8Array.of(0x3c, 0x61, 0x00, 0x3e));
      const domain2 = join(dir, "domain2.xml");
      await writeFile(domain2, DOMAIN);
      expect(
        (await thrown(() => readGeniusFiles([join(dir, "none.xml"), garbage]))).map(
          formatDiagnostic,
        ),
      ).toEqual([
        `${join(dir, "none.xml")}:1:1 (file): no such file`,
        `${garbage}:1:3 (file): binary data (a NUL byte); expected an XML text file`,
      ]);
      const two = await thrown(() =>
        readGeniusFiles([
          fixture(`${ez}EnglandZimbabwe_domain.xml`),
          domain2,
          fixture(`${ez}England.xml`),
        ]),
      );
      expect(two.map((d) => d.message)).toEqual([
        `a second domain file (no weights or evaluations); the domain is ${fixture(`${ez}EnglandZimbabwe_domain.xml`)}`,
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
