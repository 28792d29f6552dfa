import type { GeniusIssue, GeniusUtilitySpace, GeniusWeight } from "@entente/core";
import type { Diagnostic } from "../diagnostic.ts";
import { childrenNamed, descendantsNamed, type XmlElement } from "../xml-tree.ts";

/**
 * Reduce a parsed Genius XML file — a domain (`<negotiation_template>` with a `<utility_space>`)
 * or a profile (`<utility_space>`) — to the plain structure `geniusDealSpace` converts. Issues and
 * weights are the `<issue>` and `<weight>` children of `<objective>` elements (nested objectives
 * included; other blocks such as a constraint profile's `<rules>` are not searched); items only
 * the direct `<item>` children of an issue (AMPO vs City's `<similarity_function>` blocks repeat
 * items and are ignored).
 * Attributes that should be numbers but are not come back as diagnostics.
 */
export function geniusUtilitySpace(
  root: XmlElement,
  file: string,
): { space: GeniusUtilitySpace } | { diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const at = (e: XmlElement) => ({ line: e.line, col: e.col });
  const fail = (e: XmlElement, path: string, message: string) =>
    diagnostics.push({ file, line: e.line, col: e.col, path, message });
  let space: XmlElement | undefined;
  if (root.name === "utility_space") space = root;
  else if (root.name === "negotiation_template") space = childrenNamed(root, "utility_space")[0];
  if (!space) {
    fail(
      root,
      root.name,
      `expected a Genius domain (<negotiation_template> with a <utility_space>) or profile (<utility_space>), found <${root.name}>`,
    );
    return { diagnostics };
  }
  const number = (e: XmlElement, attr: string, path: string, what: string): number | undefined => {
    const raw = e.attributes[attr];
    if (raw === undefined) return undefined;
    const x = raw.trim() === "" ? Number.NaN : Number(raw);
    if (!Number.isFinite(x)) {
      fail(e, `${path}@${attr}`, `expected ${what}, got ${JSON.stringify(raw)}`);
      return Number.NaN;
    }
    return x;
  };
  const integer = (e: XmlElement, path: string): number => {
    const x = number(e, "index", path, "an integer index");
    if (x === undefined) {
      fail(e, `${path}@index`, "missing attribute index; expected an integer");
      return Number.NaN;
    }
    if (Number.isFinite(x) && !Number.isInteger(x)) {
      fail(e, `${path}@index`, `expected an integer index, got ${x}`);
    }
    return x;
  };
  const issues: GeniusIssue[] = underObjectives(space, "issue").map((e) => {
    const index = integer(e, "issue");
    const path = `issue[${e.attributes.index ?? "?"}]`;
    const name = e.attributes.name;
    if (name === undefined)
      fail(e, `${path}@name`, "missing attribute name; expected the issue's name");
    return {
      index,
      name: name ?? "",
      type: e.attributes.type ?? e.attributes.vtype ?? e.attributes.etype ?? "discrete",
      items: childrenNamed(e, "item").map((item) => {
        const value = item.attributes.value;
        if (value === undefined) {
          fail(item, `${path}.item@value`, "missing attribute value; expected the option's name");
        }
        const ipath = `${path}.item[${JSON.stringify(value ?? "")}]`;
        return {
          value: value ?? "",
          evaluation: number(item, "evaluation", ipath, "an evaluation (a number ≥ 0)"),
          at: at(item),
        };
      }),
      at: at(e),
    };
  });
  const weights: GeniusWeight[] = underObjectives(space, "weight").map((e) => {
    const index = integer(e, "weight");
    const path = `weight[${e.attributes.index ?? "?"}]`;
    const value = number(e, "value", path, "a weight (a number ≥ 0)");
    if (value === undefined)
      fail(e, `${path}@value`, "missing attribute value; expected a weight ≥ 0");
    return { index, value: value ?? Number.NaN, at: at(e) };
  });
  const single = (name: string, what: string) => {
    const e = descendantsNamed(space, name, ["objective"])[0] ?? descendantsNamed(space, name)[0];
    if (!e) return undefined;
    const value = number(e, "value", name, what);
    if (value === undefined) {
      fail(e, `${name}@value`, `missing attribute value; expected ${what}`);
      return undefined;
    }
    return { value, at: at(e) };
  };
  const reservation = single("reservation", "a reservation value from 0 to 1");
  const discount = single("discount_factor", "a discount factor in (0, 1]");
  if (diagnostics.length > 0) return { diagnostics };
  return {
    space: {
      type: space.attributes.type,
      issues,
      weights,
      reservation,
      discount,
      at: at(space),
    },
  };
}

/** `name` children of the `<objective>` elements of a utility space (objectives may nest). */
function underObjectives(space: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (objective: XmlElement) => {
    for (const c of objective.children) {
      if (c.name === name) out.push(c);
      else if (c.name === "objective") visit(c);
    }
  };
  for (const objective of childrenNamed(space, "objective")) visit(objective);
  return out;
}
