/**
 * KTAB's Spatial Model of Politics XML input (`smpSchema.xsd`; spec-ktab-smp.md §3.2):
 *
 * ```xml
 * <Scenario>
 *   <name/> <desc/> <prngSeed/>
 *   <ModelParameters> nine enums </ModelParameters>            (optional; all nine if present)
 *   <Dimensions><dName/>…</Dimensions>                         (optional)
 *   <Actors><Actor><name/><description/><capability/>
 *     <Position><dCoord/>…</Position><Salience><dSal/>…</Salience></Actor>…</Actors>
 *   <IdealAdjustment><iaPair><adjustingIdeal/><referencePos/><adjust/></iaPair>…</IdealAdjustment>
 * </Scenario>
 * ```
 *
 * Quirks handled: both spellings where the XSD and KTAB's code disagree (`Proportional`/`Prop`
 * for VotingRule, `No`/`None` for BigRAdjust; stored in the code's spelling); IdealAdjustment
 * optional, as the XSD says (KTAB's code at HEAD wrongly requires it); an empty `<dCoord>` is an
 * error at its line and column, not a crash. Positions are range-checked (KTAB's XML reader
 * does not). Entente's scenario format has no place for KTAB's model parameters or its
 * ideal-adjustment (accommodation) matrix yet, so they are written into the scenario's
 * description, word for word, for the record.
 * @module
 */
import { parseXml, type XmlElement } from "../xml-tree.ts";
import { baseName, type ImportedTable, ktabIssues, Problems, TextLocator } from "./common.ts";
import { KtabXmlElements } from "./ktab-xml-elements.ts";
import { readIdealAdjustment } from "./ktab-xml-ideal-adjustment.ts";
import { readModelParameters } from "./ktab-xml-parameters.ts";

/** Read a KTAB XML file; throws InputError with every problem found. */
export function readKtabXml(text: string, file: string): ImportedTable {
  const locator = new TextLocator(text);
  const problems = new Problems(file, locator);
  const parsed = parseXml(text, file);
  if ("diagnostics" in parsed) {
    // The first well-formedness error at its line and column; KTAB's messages drop the final period.
    for (const d of parsed.diagnostics) {
      problems.addAt(d.line, d.col, d.path, d.message.replace(/\.$/, ""));
    }
    return problems.stop();
  }
  const { root } = parsed;
  if (root.name !== "Scenario") {
    problems.add(root.start, root.name, `expected a KTAB <Scenario> document, got <${root.name}>`);
    return problems.stop();
  }

  const elements = new KtabXmlElements(text, problems);
  const top = elements.childrenOf(root, "Scenario", [
    "name",
    "desc",
    "prngSeed",
    "ModelParameters",
    "Dimensions",
    "Actors",
    "IdealAdjustment",
  ]);
  const titleEl = elements.only(root, top, "name", "Scenario", false);
  const descEl = elements.only(root, top, "desc", "Scenario", false);
  const seedEl = elements.only(root, top, "prngSeed", "Scenario", false);
  const title = titleEl ? elements.textOf(titleEl, "Scenario.name").text : "";
  const desc = descEl ? elements.textOf(descEl, "Scenario.desc").text : "";
  const seed = seedEl ? elements.textOf(seedEl, "Scenario.prngSeed").text : "";

  // Model parameters: all nine when the block is present, each in KTAB's code spelling.
  const paramsEl = elements.only(root, top, "ModelParameters", "Scenario", false);
  const parameters = paramsEl ? readModelParameters(paramsEl, elements) : [];

  // Dimensions: named, or as many as the first actor's coordinates.
  const actorsEl = elements.only(root, top, "Actors", "Scenario", true);
  const actorEls = actorsEl
    ? (elements.childrenOf(actorsEl, "Scenario.Actors", ["Actor"]).get("Actor") ?? [])
    : [];
  if (actorsEl && actorEls.length === 0) {
    problems.add(
      actorsEl.contentStart,
      "Scenario.Actors",
      "expected at least one <Actor> in <Actors>",
    );
  }
  const dimsEl = elements.only(root, top, "Dimensions", "Scenario", false);
  let dims: string[];
  if (dimsEl) {
    const names = elements.childrenOf(dimsEl, "Scenario.Dimensions", ["dName"]).get("dName") ?? [];
    dims = names.map(
      (el, k) => elements.textOf(el, `Scenario.Dimensions.dName.${k}`).text || `Dimension ${k + 1}`,
    );
    if (dims.length === 0) {
      problems.add(
        dimsEl.contentStart,
        "Scenario.Dimensions",
        "expected at least one <dName> in <Dimensions>",
      );
    }
  } else {
    const first = actorEls[0]?.children.find((c) => c.name === "Position");
    const n = first?.children.filter((c) => c.name === "dCoord").length ?? 1;
    dims = Array.from({ length: Math.max(1, n) }, (_, k) => `Dimension ${k + 1}`);
  }

  const table: ImportedTable = {
    format: "ktab-xml",
    title: title || baseName(file),
    description: [desc],
    actors: [],
    issues: ktabIssues(dims),
    stances: [],
  };

  const names = new Map<string, number>();
  for (const [i, el] of actorEls.entries()) {
    const path = `Scenario.Actors.Actor.${i}`;
    const parts = elements.childrenOf(el, path, [
      "name",
      "description",
      "capability",
      "Position",
      "Salience",
    ]);
    const nameEl = elements.only(el, parts, "name", path, true);
    const name = nameEl ? elements.textOf(nameEl, `${path}.name`) : undefined;
    if (name && name.text === "")
      problems.add(name.offset, `${path}.name`, "expected the actor's name, got nothing");
    else if (name && names.has(name.text)) {
      problems.add(
        name.offset,
        `${path}.name`,
        `duplicate actor name "${name.text}"; already actor ${names.get(name.text)}`,
      );
    } else if (name) names.set(name.text, i);
    const descriptionEl = elements.only(el, parts, "description", path, false);
    const description = descriptionEl
      ? elements.textOf(descriptionEl, `${path}.description`).text
      : "";
    const capEl = elements.only(el, parts, "capability", path, true);
    const capability = capEl
      ? elements.numberOf(capEl, `${path}.capability`, "a capability greater than 0", (x) => x > 0)
      : undefined;
    const actor = table.actors.length;
    table.actors.push({
      name: name?.text || `Actor ${i + 1}`,
      ...(description ? { description } : {}),
      capability: capability ?? 1,
    });

    const vector = (block: string, leaf: string, what: string) => {
      const blockEl = elements.only(el, parts, block, path, true);
      if (!blockEl) return [];
      const leaves = elements.childrenOf(blockEl, `${path}.${block}`, [leaf]).get(leaf) ?? [];
      if (leaves.length !== dims.length) {
        problems.add(
          blockEl.start,
          `${path}.${block}`,
          `expected ${dims.length} <${leaf}> (one per dimension: ${dims.join(", ")}), got ${leaves.length}`,
        );
      }
      return leaves
        .slice(0, dims.length)
        .map((leafEl, k) =>
          elements.numberOf(
            leafEl,
            `${path}.${block}.${leaf}.${k}`,
            `${what} from 0 to 100`,
            (x) => x >= 0 && x <= 100,
          ),
        );
    };
    const positions = vector("Position", "dCoord", "a position");
    const saliences = vector("Salience", "dSal", "a salience");
    const sum = saliences.reduce<number>((s, x) => s + (x ?? 0), 0);
    if (sum > 100 + 1e-9) {
      const salEl = parts.get("Salience")?.[0] as XmlElement;
      problems.add(
        salEl.start,
        `${path}.Salience`,
        `expected the actor's saliences to sum to at most 100 (KTAB's rule), got ${Number(sum.toPrecision(12))}`,
      );
    }
    for (let k = 0; k < dims.length; k++) {
      const position = positions[k];
      const salience = saliences[k];
      if (position === undefined || salience === undefined) continue;
      table.stances.push({ actor, issue: k, position, salience });
    }
  }

  // The ideal-adjustment (accommodation) matrix: identity, each iaPair overwriting one entry.
  const iaEl = elements.only(root, top, "IdealAdjustment", "Scenario", false);
  const adjustments = iaEl ? readIdealAdjustment(iaEl, names, elements) : [];
  problems.throwIfAny();

  const kept = [
    "KTAB settings, kept here for the record: Entente's scenario format has no place for them yet.",
    parameters.length > 0
      ? `Model parameters: ${parameters.join("; ")}.`
      : "Model parameters: none given (KTAB's defaults apply).",
  ];
  if (seed) kept.push(`prngSeed: ${seed}.`);
  kept.push(
    adjustments.length > 0
      ? `Ideal adjustment (KTAB's accommodation matrix A: the identity except these entries, adjusting actor ← reference actor: weight): ${adjustments.join("; ")}.`
      : "Ideal adjustment: none given (the identity).",
  );
  table.description.push(
    `Imported from the KTAB XML file ${baseName(file)}. Positions and saliences are on KTAB's 0-100 scale. KTAB gives no status quo: add statusQuo to an issue for the models that bargain from it.`,
    kept.join(" "),
  );
  return table;
}
