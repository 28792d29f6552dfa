import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeText } from "../decode-text.ts";
import { formatDiagnostic, InputError } from "../diagnostic.ts";
import { readKtabCsv } from "./ktab-csv.ts";
import { readKtabXml } from "./ktab-xml.ts";

const root = new URL("../../../../../", import.meta.url);
const fixture = (name: string) => new URL(`test/fixtures/import/${name}`, root).pathname;
/** A fixture's text as the importer sees it (byte-order mark dropped by decodeText). */
function text(name: string): string {
  const decoded = decodeText(readFileSync(fixture(name)), name);
  if ("diagnostic" in decoded) throw new Error(decoded.diagnostic.message);
  return decoded.text;
}

function problems(xml: string, file = "x.xml"): string[] {
  try {
    readKtabXml(xml, file);
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics.map(formatDiagnostic);
    throw e;
  }
  return [];
}

/** A valid scenario of three actors on one dimension, with `extra` inside <Scenario>. */
const scenario = (
  extra = "",
  actor = "<Actor><name>C</name><capability>3</capability><Position><dCoord>30</dCoord></Position><Salience><dSal>30</dSal></Salience></Actor>",
) => `<?xml version="1.0"?>
<Scenario>
  <name>T</name><desc>d</desc><prngSeed>1</prngSeed>
  ${extra}
  <Dimensions><dName>D</dName></Dimensions>
  <Actors>
    <Actor><name>A</name><capability>1</capability><Position><dCoord>10</dCoord></Position><Salience><dSal>10</dSal></Salience></Actor>
    <Actor><name>B</name><capability>2</capability><Position><dCoord>20</dCoord></Position><Salience><dSal>20</dSal></Salience></Actor>
    ${actor}
  </Actors>
</Scenario>
`;

const PARAMS = (votingRule: string, bigR: string) =>
  `<ModelParameters><VictoryProbModel>Linear</VictoryProbModel><PCEModel>Conditional</PCEModel><StateTransitions>Deterministic</StateTransitions><VotingRule>${votingRule}</VotingRule><BigRAdjust>${bigR}</BigRAdjust><BigRRange>Mid</BigRRange><ThirdPartyCommit>SemiCommit</ThirdPartyCommit><InterVecBrgn>S2P2</InterVecBrgn><BargnModel>InitOnlyInterp</BargnModel></ModelParameters>`;

describe("readKtabXml on KTAB's own files", () => {
  it("reads dummyData_3Dim.xml (byte-order mark, no IdealAdjustment) as the CSV's numbers", () => {
    const xml = readKtabXml(text("dummyData_3Dim.xml"), "dummyData_3Dim.xml");
    const csv = readKtabCsv(text("dummyData_3Dim.csv"), "dummyData_3Dim.csv");
    expect(xml.actors).toEqual(csv.actors);
    expect(xml.stances).toEqual(csv.stances);
    expect(xml.issues.map((i) => i.title)).toEqual(["Pstn1", "Pstn2", "Pstn3"]);
    expect(xml.description.join("\n")).toContain("Ideal adjustment: none given (the identity)");
  });

  it("keeps the model parameters, seed and ideal-adjustment matrix in the description", () => {
    const table = readKtabXml(text("smpExample.pre-2017-10.xml"), "smpExample.xml");
    expect(table.actors.map((a) => a.name)).toEqual(["Alice", "Bob", "Carol", "David", "Ellie"]);
    expect(table.issues.map((i) => i.title)).toEqual(["FirstDim", "SecondDim", "YADN"]);
    expect(table.stances[0]).toEqual({ actor: 0, issue: 0, position: 52.8, salience: 32.3 });
    const description = table.description.join("\n");
    expect(description).toContain(
      "Model parameters: VictoryProbModel = Linear; PCEModel = MarkovIncentive; StateTransitions = Stochastic; VotingRule = PropCbc; BigRAdjust = OneThird; BigRRange = Mid; ThirdPartyCommit = SemiCommit; InterVecBrgn = S2P2; BargnModel = InitOnlyInterp.",
    );
    expect(description).toContain("prngSeed: 03507583219545544127.");
    expect(description).toContain(
      "Alice ← Alice: 0.87; Bob ← Bob: 0.75; Bob ← Alice: 0.07; Carol ← Carol: 0.65; Carol ← David: 0.13; David ← David: 0.57.",
    );
  });

  it("reports the empty <dCoord> of KTAB's current smpExample.xml at its line and column", () => {
    expect(problems(text("smpExample.xml"), "smpExample.xml")).toEqual([
      "smpExample.xml:32:17 Scenario.Actors.Actor.0.Position.dCoord.0: expected a position from 0 to 100, got nothing",
    ]);
  });
});

describe("readKtabXml quirks", () => {
  it("accepts both spellings where the XSD and KTAB's code disagree, keeping the code's", () => {
    for (const [rule, bigR] of [
      ["Prop", "None"],
      ["Proportional", "No"],
    ]) {
      const description = readKtabXml(
        scenario(PARAMS(rule as string, bigR as string)),
        "x.xml",
      ).description.join("\n");
      expect(description).toContain("VotingRule = Prop");
      expect(description).toContain("BigRAdjust = None");
    }
    expect(
      readKtabXml(scenario(PARAMS("Proportional", "No")), "x.xml").description.join("\n"),
    ).toContain("VotingRule = Prop (written Proportional, the XSD's spelling)");
  });

  it("takes the dimensions from the coordinates when <Dimensions> is absent", () => {
    const table = readKtabXml(scenario().replace(/<Dimensions>.*<\/Dimensions>/, ""), "x.xml");
    expect(table.issues.map((i) => i.title)).toEqual(["Dimension 1"]);
  });

  it("reads CRLF and lone-CR line endings with the right line numbers", () => {
    const bad = scenario(
      "",
      "<Actor><name>C</name><capability>0</capability><Position><dCoord>30</dCoord></Position><Salience><dSal>30</dSal></Salience></Actor>",
    );
    const expected = [
      'x.xml:9:38 Scenario.Actors.Actor.2.capability: expected a capability greater than 0, got "0"',
    ];
    expect(problems(bad)).toEqual(expected);
    expect(problems(bad.replaceAll("\n", "\r\n"))).toEqual(expected);
    expect(problems(bad.replaceAll("\n", "\r"))).toEqual(expected);
  });
});

describe("readKtabXml on bad input", () => {
  it("reports XML syntax errors at their line and column", () => {
    expect(problems("<Scenario>\n  <name>x</nam>\n</Scenario>")).toEqual([
      "x.xml:2:15 (syntax): invalid XML: unexpected close tag",
    ]);
    expect(problems("not xml")).toEqual([
      "x.xml:1:7 (syntax): invalid XML: text data outside of root node",
    ]);
    expect(problems("")).toEqual([
      "x.xml:1:1 (syntax): invalid XML: document must contain a root element",
    ]);
  });

  it("refuses another root element", () => {
    expect(problems("<Model/>")).toEqual([
      "x.xml:1:1 Model: expected a KTAB <Scenario> document, got <Model>",
    ]);
  });

  it("names unknown elements, bad enum values, missing parameters and what is allowed", () => {
    const params = PARAMS("Majority", "None").replace(
      "<BargnModel>InitOnlyInterp</BargnModel>",
      "",
    );
    expect(problems(scenario(`${params}<Colour>red</Colour>`))).toEqual([
      "x.xml:4:3 Scenario.ModelParameters: missing <BargnModel> in <ModelParameters>; KTAB needs all nine parameters when the block is given",
      'x.xml:4:157 Scenario.ModelParameters.VotingRule: expected one of Binary, PropBin, Prop (or Proportional), PropCbc, Cubic, ASymProsp, got "Majority"',
      "x.xml:4:331 Scenario.Colour: unknown element <Colour> in <Scenario>; allowed: <name>, <desc>, <prngSeed>, <ModelParameters>, <Dimensions>, <Actors>, <IdealAdjustment>",
    ]);
  });

  it("checks each actor's fields, the number of coordinates and the salience sum", () => {
    const actor =
      "<Actor><name>B</name><capabilty>3</capabilty><Position><dCoord>130</dCoord><dCoord>1</dCoord></Position><Salience><dSal>90</dSal></Salience></Actor>";
    expect(problems(scenario("", actor))).toEqual([
      "x.xml:9:5 Scenario.Actors.Actor.2.capability: missing <capability> in <Actor>",
      'x.xml:9:18 Scenario.Actors.Actor.2.name: duplicate actor name "B"; already actor 1',
      "x.xml:9:26 Scenario.Actors.Actor.2.capabilty: unknown element <capabilty> in <Actor>; allowed: <name>, <description>, <capability>, <Position>, <Salience>",
      "x.xml:9:50 Scenario.Actors.Actor.2.Position: expected 1 <dCoord> (one per dimension: D), got 2",
      'x.xml:9:68 Scenario.Actors.Actor.2.Position.dCoord.0: expected a position from 0 to 100, got "130"',
    ]);
    const heavy =
      "<Actor><name>C</name><capability>3</capability><Position><dCoord>30</dCoord></Position><Salience><dSal>100.5</dSal></Salience></Actor>";
    expect(problems(scenario("", heavy))).toEqual([
      'x.xml:9:108 Scenario.Actors.Actor.2.Salience.dSal.0: expected a salience from 0 to 100, got "100.5"',
    ]);
  });

  it("checks the ideal-adjustment pairs against the actors", () => {
    const ia =
      "<IdealAdjustment><iaPair><adjustingIdeal>A</adjustingIdeal><referencePos>Zed</referencePos><adjust>1.5</adjust></iaPair></IdealAdjustment>";
    const xml = scenario().replace("</Actors>", `</Actors>\n${ia}`);
    expect(problems(xml)).toEqual([
      'x.xml:11:74 Scenario.IdealAdjustment.iaPair.0.referencePos: unknown actor "Zed"; actors: A, B, C',
      'x.xml:11:100 Scenario.IdealAdjustment.iaPair.0.adjust: expected an adjustment from 0 to 1, got "1.5"',
    ]);
  });
});
