/**
 * KTAB's ideal-adjustment (accommodation) matrix: the identity, each `<iaPair>` of an
 * `<IdealAdjustment>` block overwriting one entry.
 * @module
 */
import type { XmlElement } from "../xml-tree.ts";
import { shown } from "./common.ts";
import type { KtabXmlElements } from "./ktab-xml-elements.ts";

/**
 * Read an `<IdealAdjustment>` block against the actors read so far (`names`: name → index).
 * Returns one `adjusting ← reference: weight` entry a valid `<iaPair>`; unknown actors and
 * weights outside 0 to 1 are problems.
 * @example
 * // <iaPair><adjustingIdeal>Bob</adjustingIdeal><referencePos>Alice</referencePos><adjust>0.07</adjust></iaPair>
 * readIdealAdjustment(el, names, elements); // => ["Bob ← Alice: 0.07"]
 */
export function readIdealAdjustment(
  iaEl: XmlElement,
  names: ReadonlyMap<string, number>,
  elements: KtabXmlElements,
): string[] {
  const { problems } = elements;
  const adjustments: string[] = [];
  const pairs =
    elements.childrenOf(iaEl, "Scenario.IdealAdjustment", ["iaPair"]).get("iaPair") ?? [];
  for (const [k, pair] of pairs.entries()) {
    const path = `Scenario.IdealAdjustment.iaPair.${k}`;
    const parts = elements.childrenOf(pair, path, ["adjustingIdeal", "referencePos", "adjust"]);
    const actorName = (field: string) => {
      const el = elements.only(pair, parts, field, path, true);
      if (!el) return undefined;
      const { text: who, offset } = elements.textOf(el, `${path}.${field}`);
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
    const adjustEl = elements.only(pair, parts, "adjust", path, true);
    const adjust = adjustEl
      ? elements.numberOf(
          adjustEl,
          `${path}.adjust`,
          "an adjustment from 0 to 1",
          (x) => x >= 0 && x <= 1,
        )
      : undefined;
    if (adjusting && reference && adjust !== undefined) {
      adjustments.push(`${adjusting} ← ${reference}: ${adjust}`);
    }
  }
  return adjustments;
}
