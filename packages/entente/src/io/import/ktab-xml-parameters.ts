/**
 * KTAB's nine model parameters (`<ModelParameters>` in `smpSchema.xsd`) and the values each
 * takes, in the spelling of KTAB's code, with the XSD's other spellings mapped to it.
 * @module
 */
import type { XmlElement } from "../xml-tree.ts";
import { shown } from "./common.ts";
import type { KtabXmlElements } from "./ktab-xml-elements.ts";

/** KTAB's model parameters and their values, as KTAB's code spells them. */
export const KTAB_PARAMETERS: Readonly<Record<string, readonly string[]>> = {
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

/** The XSD's spellings that KTAB's code spells otherwise: `{written: stored}` per parameter. */
export const XSD_SPELLINGS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  VotingRule: { Proportional: "Prop" },
  BigRAdjust: { No: "None" },
};

/**
 * Read a `<ModelParameters>` block: all nine parameters, each stored in KTAB's code spelling.
 * Returns one `name = value` line a parameter read; missing and unknown values are problems.
 * @example
 * // <ModelParameters>…<VotingRule>Proportional</VotingRule>…</ModelParameters>
 * readModelParameters(el, elements); // => [… "VotingRule = Prop (written Proportional, the XSD's spelling)" …]
 */
export function readModelParameters(paramsEl: XmlElement, elements: KtabXmlElements): string[] {
  const { problems } = elements;
  const parameters: string[] = [];
  const names = Object.keys(KTAB_PARAMETERS);
  const given = elements.childrenOf(paramsEl, "Scenario.ModelParameters", names);
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
    const el = elements.only(paramsEl, given, name, "Scenario.ModelParameters", false);
    if (!el) continue;
    const { text: value, offset } = elements.textOf(el, path);
    const allowed = KTAB_PARAMETERS[name] as readonly string[];
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
  return parameters;
}
