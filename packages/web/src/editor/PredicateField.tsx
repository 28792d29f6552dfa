import type { Scenario, ValidationIssue } from "@entente/core";
import { NumberField } from "../components/NumberField.tsx";
import { pathKey, type Step } from "./draft-paths.ts";

/** The forms a condition takes (`Predicate` in the scenario format). */
const FORMS = [
  ["issue", "an issue's outcome is in a range"],
  ["agreement", "a phase ends in an agreement"],
  ["all", "all of these hold"],
  ["any", "any of these holds"],
  ["not", "this does not hold"],
] as const;
type Form = (typeof FORMS)[number][0];

/** Props of {@link PredicateField}. */
export interface PredicateFieldProps {
  id: string;
  label: string;
  value: unknown;
  scenario: Scenario;
  /** Where the condition is in the scenario, for the validation messages under it. */
  path: readonly Step[];
  problems: readonly ValidationIssue[];
  onChange: (next: unknown) => void;
  depth?: number;
}

function formOf(value: unknown): Form {
  const v = (value ?? {}) as Record<string, unknown>;
  for (const f of ["all", "any", "not", "agreement"] as const) if (f in v) return f;
  return "issue";
}

/** A fresh condition of a form, built from the current one where it can be. */
function convert(value: unknown, to: Form, scenario: Scenario): unknown {
  const here = value ?? {};
  switch (to) {
    case "issue":
      return { issue: scenario.issues[0]?.id ?? "", atLeast: 50 };
    case "agreement":
      return { agreement: scenario.phases?.[0]?.id ?? "" };
    case "not":
      return { not: here };
    default:
      return { [to]: [here] };
  }
}

/**
 * A question's condition: an issue's outcome at least and/or at most a value, a phase ending in
 * an agreement, or all / any / none of other conditions — nested as deep as the analyst needs.
 */
export function PredicateField(props: PredicateFieldProps) {
  const { id, label, value, scenario, path, problems, onChange } = props;
  const depth = props.depth ?? 0;
  const form = formOf(value);
  const v = (value ?? {}) as Record<string, unknown>;
  const here = problems.filter((p) => pathKey(p.path) === pathKey(path));
  const set = (key: string, x: unknown) => {
    const next = { ...v, [key]: x };
    if (x === undefined || x === "") delete next[key];
    onChange(next);
  };
  const sub = (key: string | number, x: unknown, set: (y: unknown) => void) => (
    <PredicateField
      id={`${id}-${key}`}
      label={typeof key === "number" ? `condition ${key + 1}` : "condition"}
      value={x}
      scenario={scenario}
      path={[...path, ...(form === "not" ? ["not"] : [form, key])]}
      problems={problems}
      onChange={set}
      depth={depth + 1}
    />
  );
  return (
    <fieldset className="predicate-field" id={id}>
      <legend>{label}</legend>
      <select
        aria-label={`${label}: form`}
        value={form}
        onChange={(e) => onChange(convert(value, e.target.value as Form, scenario))}
      >
        {FORMS.map(([f, text]) => (
          <option key={f} value={f}>
            {text}
          </option>
        ))}
      </select>
      {form === "issue" && (
        <>
          <select
            aria-label={`${label}: issue`}
            value={String(v.issue ?? "")}
            onChange={(e) => set("issue", e.target.value)}
          >
            {scenario.issues.map((i) => (
              <option key={i.id} value={i.id}>
                {i.title}
              </option>
            ))}
          </select>
          <NumberField
            id={`${id}-atLeast`}
            short="≥"
            optional
            label={`${label}: at least`}
            value={v.atLeast ?? ""}
            errors={problems.filter((p) => pathKey(p.path) === pathKey([...path, "atLeast"]))}
            onChange={(x) => set("atLeast", x)}
          />
          <NumberField
            id={`${id}-atMost`}
            short="≤"
            optional
            label={`${label}: at most`}
            value={v.atMost ?? ""}
            errors={problems.filter((p) => pathKey(p.path) === pathKey([...path, "atMost"]))}
            onChange={(x) => set("atMost", x)}
          />
        </>
      )}
      {form === "agreement" && (
        <select
          aria-label={`${label}: phase`}
          value={String(v.agreement ?? "")}
          onChange={(e) => set("agreement", e.target.value)}
        >
          {(scenario.phases ?? []).length === 0 && <option value="">(no phases yet)</option>}
          {(scenario.phases ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      )}
      {form === "not" && sub("not", v.not, (x) => set("not", x))}
      {(form === "all" || form === "any") && (
        <div className="predicate-list">
          {((v[form] as unknown[] | undefined) ?? []).map((x, i, list) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: conditions are edited in place, by position
            <div key={i} className="predicate-item">
              {sub(i, x, (y) =>
                set(
                  form,
                  list.map((z, j) => (j === i ? y : z)),
                ),
              )}
              <button
                type="button"
                className="link"
                disabled={list.length === 1}
                onClick={() =>
                  set(
                    form,
                    list.filter((_, j) => j !== i),
                  )
                }
              >
                Remove condition {i + 1}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="link"
            onClick={() =>
              set(form, [
                ...((v[form] as unknown[] | undefined) ?? []),
                convert(undefined, "issue", scenario),
              ])
            }
          >
            + add a condition
          </button>
        </div>
      )}
      {here.length > 0 && (
        <span className="cell-errors" role="alert">
          {here.map((e) => (
            <span key={e.message} className="cell-error">
              {e.message}
            </span>
          ))}
        </span>
      )}
    </fieldset>
  );
}
