import type { z } from "zod";
import { Scenario } from "./schema.ts";
import { estimateBranch, PREDICATE_BRANCHES, predicateBranch } from "./union-branch.ts";
import type { Path } from "./validation-issue.ts";

/** The field names the schema allows for the object at `path`. */
export function allowedKeys(path: Path, root: unknown): string[] | undefined {
  let schema: z.core.$ZodType = Scenario;
  let value: unknown = root;
  for (const step of path) {
    schema = unwrap(schema, value);
    const def = schema._zod.def as { type: string; shape?: Record<string, z.core.$ZodType> };
    if (def.type === "object" && def.shape && typeof step === "string") {
      const next = def.shape[step];
      if (!next) return undefined;
      schema = next;
    } else if (def.type === "array" && typeof step === "number") {
      schema = (def as unknown as { element: z.core.$ZodType }).element;
    } else return undefined;
    value = (value as Record<string | number, unknown> | undefined)?.[step];
  }
  const def = unwrap(schema, value)._zod.def as { shape?: Record<string, unknown> };
  return def.shape ? Object.keys(def.shape) : undefined;
}

function unwrap(schema: z.core.$ZodType, value: unknown): z.core.$ZodType {
  let s = schema;
  for (;;) {
    const def = s._zod.def as {
      type: string;
      innerType?: z.core.$ZodType;
      options?: z.core.$ZodType[];
    };
    if ((def.type === "optional" || def.type === "default") && def.innerType) s = def.innerType;
    else if (def.type === "lazy") s = (def as unknown as { getter(): z.core.$ZodType }).getter();
    else if (def.type === "union" && def.options) {
      const key = (def as { discriminator?: string }).discriminator;
      const branch =
        key !== undefined
          ? discriminated(def.options, key, value)
          : def.options.length === PREDICATE_BRANCHES
            ? predicateBranch(value)
            : estimateBranch(value);
      const option = branch === undefined ? undefined : def.options[branch];
      if (!option) return s;
      s = option;
    } else return s;
  }
}

/** Index of the option of a discriminated union whose literal matches the value's key. */
function discriminated(
  options: z.core.$ZodType[],
  key: string,
  value: unknown,
): number | undefined {
  const tag = (value as Record<string, unknown> | undefined)?.[key];
  const index = options.findIndex((o) => {
    const shape = (o._zod.def as { shape?: Record<string, z.core.$ZodType> }).shape;
    const values = (shape?.[key]?._zod.def as { values?: unknown[] } | undefined)?.values;
    return values?.includes(tag) ?? false;
  });
  return index >= 0 ? index : undefined;
}
