/** A model parameter's value. */
export type ParamValue = number | boolean | string;
/** Resolved parameter values by name. */
export type ParamValues = Readonly<Record<string, ParamValue>>;

/** One parameter a model accepts: checked and parsed at the boundary, with its default. */
export type ParamSpec = {
  name: string;
  description: string;
} & (
  | { kind: "number"; default: number; min?: number; max?: number }
  | { kind: "integer"; default: number; min?: number; max?: number }
  | { kind: "boolean"; default: boolean }
  | { kind: "enum"; default: string; values: readonly string[] }
);

/**
 * A model's parameters for one run: defaults, then the chosen preset (default: the first),
 * then explicit values. Strings are parsed by kind (`"0.5"`, `"true"`). Unknown names, unknown
 * presets and out-of-range values throw RangeError naming the bad value and what is allowed.
 */
export function resolveParams(
  model: {
    id: string;
    params: readonly ParamSpec[];
    presets?: Readonly<Record<string, ParamValues>>;
  },
  options: { preset?: string; params?: Record<string, ParamValue> } = {},
): ParamValues {
  const values: Record<string, ParamValue> = {};
  for (const p of model.params) values[p.name] = p.default;
  const presets = model.presets ?? {};
  const presetName = options.preset ?? Object.keys(presets)[0];
  if (options.preset !== undefined && !(options.preset in presets)) {
    const known = Object.keys(presets);
    throw new RangeError(
      `model "${model.id}" has no preset "${options.preset}"; ${known.length ? `presets: ${known.join(", ")}` : "it has no presets"}`,
    );
  }
  if (presetName !== undefined) Object.assign(values, presets[presetName]);
  for (const [name, raw] of Object.entries(options.params ?? {})) {
    const spec = model.params.find((p) => p.name === name);
    if (!spec) {
      const known = model.params.map((p) => p.name);
      throw new RangeError(
        `model "${model.id}" has no parameter "${name}"; ${known.length ? `parameters: ${known.join(", ")}` : "it takes no parameters"}`,
      );
    }
    values[name] = parseParam(model.id, spec, raw);
  }
  return values;
}

function parseParam(model: string, spec: ParamSpec, raw: ParamValue): ParamValue {
  const bad = (allowed: string): never => {
    throw new RangeError(
      `parameter "${spec.name}" of model "${model}": expected ${allowed}, got ${JSON.stringify(raw)}`,
    );
  };
  switch (spec.kind) {
    case "boolean": {
      if (typeof raw === "boolean") return raw;
      if (raw === "true") return true;
      if (raw === "false") return false;
      return bad("true or false");
    }
    case "enum": {
      const s = String(raw);
      return spec.values.includes(s) ? s : bad(`one of ${spec.values.join(", ")}`);
    }
    default: {
      const x = typeof raw === "number" ? raw : raw === "" ? Number.NaN : Number(raw);
      const range = `${spec.min ?? "-∞"} to ${spec.max ?? "∞"}`;
      const what = spec.kind === "integer" ? `an integer from ${range}` : `a number from ${range}`;
      if (!Number.isFinite(x)) return bad(what);
      if (spec.kind === "integer" && !Number.isInteger(x)) return bad(what);
      if ((spec.min !== undefined && x < spec.min) || (spec.max !== undefined && x > spec.max)) {
        return bad(what);
      }
      return x;
    }
  }
}
