import type { Scenario, ValidationIssue } from "@entente/core";
import { NumberField } from "../components/NumberField.tsx";
import { appendAt, getAt, pathKey, removeAt, type Step, setAt } from "./draft-paths.ts";
import { EstimateField } from "./EstimateField.tsx";
import type { Field } from "./fields.ts";
import { PredicateField } from "./PredicateField.tsx";
import { RefsField } from "./RefsField.tsx";
import { COLLECTION } from "./scenario-refs.ts";

/** Props of {@link FieldInput}. */
export interface FieldInputProps {
  field: Field;
  /** Where the record is in the scenario (`["issues", 2]`). */
  at: Step[];
  scenario: Scenario;
  /** Validation problems anywhere in the draft; the field shows those under its path. */
  problems: readonly ValidationIssue[];
  onChange: (next: Scenario, group?: string) => void;
}

/** Problems at `path` or inside it. */
export function problemsUnder(
  problems: readonly ValidationIssue[],
  path: readonly Step[],
): ValidationIssue[] {
  const key = pathKey(path);
  return problems.filter((p) => {
    const k = pathKey(p.path);
    return k === key || k.startsWith(`${key}.`);
  });
}

/** The DOM id of a field's input, from its path. */
export function fieldId(path: readonly Step[]): string {
  return `f-${pathKey(path)}`.replace(/[^A-Za-z0-9_-]/g, "_");
}

/** One field of a record's form, of any kind, with the validation messages that point at it. */
export function FieldInput({ field, at, scenario, problems, onChange }: FieldInputProps) {
  const path = [...at, ...field.key];
  const value = getAt(scenario, path);
  const id = fieldId(path);
  const errors = problemsUnder(problems, path);
  const set = (next: unknown) => onChange(setAt(scenario, path, next), pathKey(path));
  const messages = errors.length > 0 && (
    <span className="cell-errors" role="alert" id={`${id}-errors`}>
      {errors.map((e) => (
        <span key={`${pathKey(e.path)}:${e.message}`} className="cell-error">
          {e.message}
        </span>
      ))}
    </span>
  );
  switch (field.kind) {
    case "text":
    case "date": {
      const long = field.kind === "text" && field.long === true;
      return (
        <div className={`text-field${long ? " long" : ""}${errors.length ? " invalid" : ""}`}>
          <label htmlFor={id}>
            {field.label}
            {field.optional && <span className="hint"> (optional)</span>}
          </label>
          {long ? (
            <textarea
              id={id}
              className="field-input"
              rows={3}
              value={typeof value === "string" ? value : ""}
              aria-invalid={errors.length > 0}
              aria-describedby={errors.length > 0 ? `${id}-errors` : undefined}
              onChange={(e) =>
                set(e.target.value === "" && field.optional ? undefined : e.target.value)
              }
            />
          ) : (
            <input
              id={id}
              className="field-input"
              type={field.kind === "date" ? "date" : "text"}
              value={typeof value === "string" ? value : ""}
              aria-invalid={errors.length > 0}
              aria-describedby={errors.length > 0 ? `${id}-errors` : undefined}
              onChange={(e) =>
                set(e.target.value === "" && field.optional ? undefined : e.target.value)
              }
            />
          )}
          {messages}
        </div>
      );
    }
    case "number":
      return (
        <div className="text-field">
          <span aria-hidden="true">{field.label}</span>
          <NumberField
            id={id}
            short=""
            label={field.label}
            value={value ?? ""}
            errors={errors}
            optional={field.optional === true}
            onChange={(x) => set(x === "" && field.optional ? undefined : x)}
          />
        </div>
      );
    case "choice":
    case "ref": {
      const refs =
        field.kind === "ref"
          ? (((scenario as Record<string, unknown>)[COLLECTION[field.of]] as
              | Array<Record<string, unknown>>
              | undefined) ?? [])
          : [];
      const options =
        field.kind === "choice"
          ? field.choices.map((c) => ({ value: c, label: c }))
          : [
              { value: "", label: "(choose)" },
              ...refs.map((o) => ({
                value: String(o.id),
                label: String(o.name ?? o.title ?? o.id),
              })),
            ];
      return (
        <div className={`text-field${errors.length ? " invalid" : ""}`}>
          <label htmlFor={id}>{field.label}</label>
          <select
            id={id}
            className="field-input"
            value={String(value ?? "")}
            onChange={(e) => set(e.target.value)}
          >
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          {messages}
        </div>
      );
    }
    case "refs":
      return (
        <div className={errors.length ? "invalid" : undefined}>
          <RefsField
            id={id}
            label={field.label}
            of={field.of}
            scenario={scenario}
            value={value}
            hint={field.hint}
            onChange={set}
          />
          {messages}
        </div>
      );
    case "predicate":
      return (
        <PredicateField
          id={id}
          label={field.label}
          value={value}
          scenario={scenario}
          path={path}
          problems={problems}
          onChange={set}
        />
      );
    case "estimate": {
      const record = (getAt(scenario, at) ?? {}) as Record<string, unknown>;
      return (
        <EstimateField
          id={id}
          label={field.label}
          value={value}
          scenario={scenario}
          bounds={field.bounds(record, scenario)}
          optional={field.optional}
          hint={field.hint}
          errors={errors}
          onChange={set}
        />
      );
    }
    case "list": {
      const items = Array.isArray(value) ? (value as Array<Record<string, unknown>>) : [];
      return (
        <fieldset className="list-field" id={id}>
          <legend>{field.label}</legend>
          {items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: items are edited in place, by position
            <fieldset key={i} className="list-item">
              <legend>{field.itemLabel(item, i)}</legend>
              {field.fields(item).map((f) => (
                <FieldInput
                  key={pathKey(f.key)}
                  field={f}
                  at={[...path, i]}
                  scenario={scenario}
                  problems={problems}
                  onChange={onChange}
                />
              ))}
              <button
                type="button"
                className="link"
                onClick={() => {
                  const next = removeAt(scenario, path, i);
                  const left = getAt(next, path);
                  onChange(
                    Array.isArray(left) && left.length === 0 ? setAt(next, path, undefined) : next,
                  );
                }}
              >
                Remove {field.itemLabel(item, i)}
              </button>
            </fieldset>
          ))}
          <button
            type="button"
            className="link"
            onClick={() => onChange(appendAt(scenario, path, field.make(scenario)))}
          >
            + Add {field.noun}
          </button>
          {errors.filter((e) => pathKey(e.path) === pathKey(path)).length > 0 && messages}
        </fieldset>
      );
    }
  }
}
