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
import { SaxesParser } from "saxes";
import {
  baseName,
  type ImportedTable,
  ktabIssues,
  Problems,
  parseDecimal,
  shown,
  TextLocator,
} from "./common.ts";

/** An element of the parsed document, with where it and its text were written. */
interface Element {
  name: string;
  /** Offset of the `<` that opens it. */
  start: number;
  /** Offset just after the `>` of its start tag. */
  contentStart: number;
  children: Element[];
  text: string;
}

/** KTAB's model parameters and their values; `[written, stored]` pairs map an alternative spelling. */
const PARAMETERS: Record<string, readonly string[]> = {
  VictoryProbModel: ["Linear", "Square", "Quartic", "Octic", "Binary"],
  PCEModel: ["Conditional", "MarkovIncentive", "MarkovUniform"],
  StateTransitions: ["Deterministic", "Stochastic"],
  VotingRule: ["Binary", "PropBin", "Prop", "PropCbc", "Cubic", "ASymProsp"],
  BigRAdjust: ["None", "OneThird", "Half", "TwoThirds", "Full"],
  BigRRange: ["Min", "Mid", "Max"],
  ThirdPartyCommit: ["NoCommit", "SemiCommit", "FullCommit"],
  InterVecBrgn: ["S1P1", "S2P2", "S2PMax"],
  BargnModel: ["InitOnlyInterp", "InitRcvrInterp", "PWCompInterp"],
};
/** The XSD's spellings that KTAB's code spells otherwise. */
const XSD_SPELLINGS: Record<string, Record<string, string>> = {
  VotingRule: { Proportional: "Prop" },
  BigRAdjust: { No: "None" },
};

/** Parse XML into elements, or the first well-formedness error at its line and column. */
function parseXml(text: string, problems: Problems): Element {
  const parser = new SaxesParser({ position: true });
  const stack: Element[] = [];
  let root: Element | undefined;
  const stop = new Error("stop");
  parser.on("opentag", (tag) => {
    const contentStart = parser.position;
    const element: Element = {
      name: tag.name,
      start: text.lastIndexOf("<", contentStart - 1),
      contentStart,
      children: [],
      text: "",
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root ??= element;
    if (!tag.isSelfClosing) stack.push(element);
  });
  parser.on("text", (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on("cdata", (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on("closetag", (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  parser.on("error", (e) => {
    const message = e.message.replace(/^(?:[^:]*:)?\d+:\d+: /, "").replace(/\.$/, "");
    problems.addAt(parser.line, Math.max(1, parser.column), "(syntax)", `invalid XML: ${message}`);
    throw stop;
  });
  try {
    parser.write(text).close();
  } catch (e) {
    if (e !== stop) throw e;
    return problems.stop();
  }
  if (!root) {
    problems.add(0, "(syntax)", "invalid XML: no root element");
    return problems.stop();
  }
  return root;
}

/** Read a KTAB XML file; throws InputError with every problem found. */
export function readKtabXml(text: string, file: string): ImportedTable {
  const locator = new TextLocator(text);
  const problems = new Problems(file, locator);
  const root = parseXml(text, problems);
  if (root.name !== "Scenario") {
    problems.add(root.start, root.name, `expected a KTAB <Scenario> document, got <${root.name}>`);
    return problems.stop();
  }

  /** The children of `el` by name; unknown names are problems. */
  const childrenOf = (el: Element, path: string, allowed: readonly string[]) => {
    const byName = new Map<string, Element[]>();
    for (const child of el.children) {
      if (!allowed.includes(child.name)) {
        problems.add(
          child.start,
          `${path}.${child.name}`,
          `unknown element <${child.name}> in <${el.name}>; allowed: ${allowed.map((a) => `<${a}>`).join(", ")}`,
        );
        continue;
      }
      byName.set(child.name, [...(byName.get(child.name) ?? []), child]);
    }
    return byName;
  };
  /** The one child called `name` (a problem when it is missing and required, or repeated). */
  const only = (
    el: Element,
    byName: Map<string, Element[]>,
    name: string,
    path: string,
    required: boolean,
  ): Element | undefined => {
    const found = byName.get(name) ?? [];
    if (found.length > 1) {
      problems.add(
        (found[1] as Element).start,
        `${path}.${name}`,
        `<${name}> is given twice in <${el.name}>`,
      );
    }
    if (found.length === 0 && required) {
      problems.add(el.start, `${path}.${name}`, `missing <${name}> in <${el.name}>`);
    }
    return found[0];
  };
  /** An element's text, trimmed, with the offset of its first non-space character. */
  const textOf = (el: Element, path: string): { text: string; offset: number } => {
    if (el.children.length > 0) {
      const child = el.children[0] as Element;
      problems.add(
        child.start,
        `${path}.${child.name}`,
        `expected text in <${el.name}>, got the element <${child.name}>`,
      );
    }
    const raw = text.slice(el.contentStart);
    const lead = /^\s*/.exec(raw)?.[0].length ?? 0;
    return { text: el.text.trim(), offset: el.contentStart + lead };
  };
  const numberOf = (
    el: Element,
    path: string,
    what: string,
    ok: (x: number) => boolean,
  ): number | undefined => {
    const { text: t, offset } = textOf(el, path);
    const x = parseDecimal(t);
    if (x === undefined || !ok(x)) {
      problems.add(offset, path, `expected ${what}, got ${shown(t)}`);
      return undefined;
    }
    return x;
  };

  const top = childrenOf(root, "Scenario", [
    "name",
    "desc",
    "prngSeed",
    "ModelParameters",
    "Dimensions",
    "Actors",
    "IdealAdjustment",
  ]);
  const titleEl = only(root, top, "name", "Scenario", false);
  const descEl = only(root, top, "desc", "Scenario", false);
  const seedEl = only(root, top, "prngSeed", "Scenario", false);
  const title = titleEl ? textOf(titleEl, "Scenario.name").text : "";
  const desc = descEl ? textOf(descEl, "Scenario.desc").text : "";
  const seed = seedEl ? textOf(seedEl, "Scenario.prngSeed").text : "";

  // Model parameters: all nine when the block is present, each in KTAB's code spelling.
  const parameters: string[] = [];
  const paramsEl = only(root, top, "ModelParameters", "Scenario", false);
  if (paramsEl) {
    const names = Object.keys(PARAMETERS);
    const given = childrenOf(paramsEl, "Scenario.ModelParameters", names);
    const missing = names.filter((name) => !given.has(name));
    if (missing.length > 0) {
      problems.add(
        paramsEl.start,
        "Scenario.ModelParameters",
        `missing ${missing.map((m) => `<${m}>`).join(", ")} in <ModelParameters>; KTAB needs all nine parameters when the block is given`,
      );
    }
    for (const name of names) {
      const path = `Scenario.ModelParameters.${name}`;
      const el = only(paramsEl, given, name, "Scenario.ModelParameters", false);
      if (!el) continue;
      const { text: value, offset } = textOf(el, path);
      const allowed = PARAMETERS[name] as readonly string[];
      const aliases = XSD_SPELLINGS[name] ?? {};
      const alias = aliases[value];
      if (allowed.includes(value)) parameters.push(`${name} = ${value}`);
      else if (alias) parameters.push(`${name} = ${alias} (written ${value}, the XSD's spelling)`);
      else {
        const spelled = allowed.map((a) => {
          const other = Object.keys(aliases).find((k) => aliases[k] === a);
          return other ? `${a} (or ${other})` : a;
        });
        problems.add(offset, path, `expected one of ${spelled.join(", ")}, got ${shown(value)}`);
      }
    }
  }

  // Dimensions: named, or as many as the first actor's coordinates.
  const actorsEl = only(root, top, "Actors", "Scenario", true);
  const actorEls = actorsEl
    ? (childrenOf(actorsEl, "Scenario.Actors", ["Actor"]).get("Actor") ?? [])
    : [];
  if (actorsEl && actorEls.length === 0) {
    problems.add(
      actorsEl.contentStart,
      "Scenario.Actors",
      "expected at least one <Actor> in <Actors>",
    );
  }
  const dimsEl = only(root, top, "Dimensions", "Scenario", false);
  let dims: string[];
  if (dimsEl) {
    const names = childrenOf(dimsEl, "Scenario.Dimensions", ["dName"]).get("dName") ?? [];
    dims = names.map(
      (el, k) => textOf(el, `Scenario.Dimensions.dName.${k}`).text || `Dimension ${k + 1}`,
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
    const parts = childrenOf(el, path, [
      "name",
      "description",
      "capability",
      "Position",
      "Salience",
    ]);
    const nameEl = only(el, parts, "name", path, true);
    const name = nameEl ? textOf(nameEl, `${path}.name`) : undefined;
    if (name && name.text === "")
      problems.add(name.offset, `${path}.name`, "expected the actor's name, got nothing");
    else if (name && names.has(name.text)) {
      problems.add(
        name.offset,
        `${path}.name`,
        `duplicate actor name "${name.text}"; already actor ${names.get(name.text)}`,
      );
    } else if (name) names.set(name.text, i);
    const descriptionEl = only(el, parts, "description", path, false);
    const description = descriptionEl ? textOf(descriptionEl, `${path}.description`).text : "";
    const capEl = only(el, parts, "capability", path, true);
    const capability = capEl
      ? numberOf(capEl, `${path}.capability`, "a capability greater than 0", (x) => x > 0)
      : undefined;
    const actor = table.actors.length;
    table.actors.push({
      name: name?.text || `Actor ${i + 1}`,
      ...(description ? { description } : {}),
      capability: capability ?? 1,
    });

    const vector = (block: string, leaf: string, what: string) => {
      const blockEl = only(el, parts, block, path, true);
      if (!blockEl) return [];
      const leaves = childrenOf(blockEl, `${path}.${block}`, [leaf]).get(leaf) ?? [];
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
          numberOf(
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
      const salEl = parts.get("Salience")?.[0] as Element;
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
  const adjustments: string[] = [];
  const iaEl = only(root, top, "IdealAdjustment", "Scenario", false);
  if (iaEl) {
    const pairs = childrenOf(iaEl, "Scenario.IdealAdjustment", ["iaPair"]).get("iaPair") ?? [];
    for (const [k, pair] of pairs.entries()) {
      const path = `Scenario.IdealAdjustment.iaPair.${k}`;
      const parts = childrenOf(pair, path, ["adjustingIdeal", "referencePos", "adjust"]);
      const actorName = (field: string) => {
        const el = only(pair, parts, field, path, true);
        if (!el) return undefined;
        const { text: who, offset } = textOf(el, `${path}.${field}`);
        if (!names.has(who)) {
          problems.add(
            offset,
            `${path}.${field}`,
            `unknown actor ${shown(who)}; actors: ${[...names.keys()].join(", ")}`,
          );
          return undefined;
        }
        return who;
      };
      const adjusting = actorName("adjustingIdeal");
      const reference = actorName("referencePos");
      const adjustEl = only(pair, parts, "adjust", path, true);
      const adjust = adjustEl
        ? numberOf(adjustEl, `${path}.adjust`, "an adjustment from 0 to 1", (x) => x >= 0 && x <= 1)
        : undefined;
      if (adjusting && reference && adjust !== undefined) {
        adjustments.push(`${adjusting} ← ${reference}: ${adjust}`);
      }
    }
  }
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
