import type { Estimate, Scenario, ValidationIssue } from "@entente/core";
import { NumberField } from "../components/NumberField.tsx";
import { draftCentral, moveEstimate } from "../scenario-edit.ts";
import { RefsField } from "./RefsField.tsx";

/** Props of {@link EstimateField}. */
export interface EstimateFieldProps {
  id: string;
  label: string;
  value: unknown;
  scenario: Scenario;
  bounds: [number, number];
  optional?: boolean | undefined;
  hint?: string | undefined;
  errors: readonly ValidationIssue[];
  onChange: (next: unknown) => void;
}

type Mode = "none" | "plain" | "sourced" | "list";

function modeOf(value: unknown): Mode {
  if (value === undefined) return "none";
  if (Array.isArray(value)) return "list";
  if (typeof value === "object" && value !== null) return "sourced";
  return "plain";
}

/** The same number in another form, keeping its central value (and sources where it can). */
export function convertEstimate(value: unknown, to: Mode, sources: readonly string[]): unknown {
  const central = draftCentral(value);
  const x = Number.isFinite(central) ? central : 0;
  const cited = Array.isArray(value)
    ? [...new Set(value.map((e: { source?: string }) => e.source).filter(Boolean))]
    : typeof value === "object" && value !== null
      ? ((value as { sources?: string[] }).sources ?? [])
      : [];
  if (to === "none") return undefined;
  if (to === "plain") return x;
  if (to === "sourced") return { value: x, ...(cited.length ? { sources: cited } : {}) };
  const source = (cited[0] as string | undefined) ?? sources[0] ?? "";
  return [{ value: x, source }];
}

/**
 * Any number of the format: plain, with a range and the sources it cites, or as a list of
 * disagreeing source estimates. Switching form keeps the central value; moving the value of a
 * ranged number moves its range with it.
 */
export function EstimateField(props: EstimateFieldProps) {
  const { id, label, value, scenario, bounds, optional, hint, errors, onChange } = props;
  const mode = modeOf(value);
  const sourceIds = scenario.sources.map((s) => s.id);
  const at = (suffix: string) => errors.filter((e) => e.path.slice(-1)[0] === suffix);
  const own = errors.filter(
    (e) => !["low", "high", "value", "sources", "note"].includes(String(e.path.slice(-1)[0])),
  );
  return (
    <fieldset className={`estimate-field${errors.length ? " invalid" : ""}`} id={id}>
      <legend>
        {label}
        {hint && <span className="hint"> — {hint}</span>}
      </legend>
      <label className="mode">
        <span className="visually-hidden">{label}: form</span>
        <select
          aria-label={`${label}: form`}
          value={mode}
          onChange={(e) => onChange(convertEstimate(value, e.target.value as Mode, sourceIds))}
        >
          {optional && <option value="none">not given</option>}
          <option value="plain">a number</option>
          <option value="sourced">range &amp; sources</option>
          <option value="list">sources disagree</option>
        </select>
      </label>
      {mode === "plain" && (
        <NumberField
          id={`${id}-value`}
          short="val"
          label={label}
          value={value}
          errors={own}
          onChange={(x) => onChange(x)}
        />
      )}
      {mode === "sourced" && (
        <Sourced
          id={id}
          label={label}
          value={value as Record<string, unknown>}
          scenario={scenario}
          bounds={bounds}
          at={at}
          onChange={onChange}
        />
      )}
      {mode === "list" && (
        <SourceList
          id={id}
          label={label}
          value={value as Array<Record<string, unknown>>}
          scenario={scenario}
          errors={errors}
          onChange={onChange}
        />
      )}
      {mode !== "plain" && own.length > 0 && (
        <span className="cell-errors" role="alert">
          {own.map((e) => (
            <span key={e.message} className="cell-error">
              {e.message}
            </span>
          ))}
        </span>
      )}
    </fieldset>
  );
}

function Sourced(props: {
  id: string;
  label: string;
  value: Record<string, unknown>;
  scenario: Scenario;
  bounds: [number, number];
  at: (suffix: string) => ValidationIssue[];
  onChange: (next: unknown) => void;
}) {
  const { id, label, value, scenario, bounds, at, onChange } = props;
  const set = (key: string, x: unknown) => {
    const next = { ...value, [key]: x };
    if (x === undefined || x === "") delete next[key];
    onChange(next);
  };
  return (
    <div className="sourced">
      <NumberField
        id={`${id}-value`}
        short="val"
        label={`${label}: value`}
        value={value.value}
        errors={at("value")}
        onChange={(x) => onChange(moveEstimate(value as Estimate, x, bounds))}
      />
      <NumberField
        id={`${id}-low`}
        short="low"
        optional
        label={`${label}: lowest plausible`}
        value={value.low ?? ""}
        errors={at("low")}
        onChange={(x) => set("low", x)}
      />
      <NumberField
        id={`${id}-high`}
        short="high"
        optional
        label={`${label}: highest plausible`}
        value={value.high ?? ""}
        errors={at("high")}
        onChange={(x) => set("high", x)}
      />
      <RefsField
        id={`${id}-sources`}
        label="Sources cited"
        of="source"
        scenario={scenario}
        value={value.sources}
        onChange={(x) => set("sources", x)}
      />
      <label className="text-field">
        <span>Note (paraphrase)</span>
        <input
          type="text"
          aria-label={`${label}: note`}
          value={String(value.note ?? "")}
          onChange={(e) => set("note", e.target.value)}
        />
      </label>
    </div>
  );
}

function SourceList(props: {
  id: string;
  label: string;
  value: Array<Record<string, unknown>>;
  scenario: Scenario;
  errors: readonly ValidationIssue[];
  onChange: (next: unknown) => void;
}) {
  const { id, label, value, scenario, errors, onChange } = props;
  const setRow = (i: number, key: string, x: unknown) =>
    onChange(
      value.map((row, j) => {
        if (j !== i) return row;
        const next = { ...row, [key]: x };
        if (x === undefined || x === "") delete next[key];
        return next;
      }),
    );
  const rowErrors = (i: number, key: string) =>
    errors.filter((e) => e.path.slice(-2)[0] === i && e.path.slice(-1)[0] === key);
  return (
    <table className="source-list">
      <thead>
        <tr>
          <th scope="col">Value</th>
          <th scope="col">Source</th>
          <th scope="col">Note</th>
          <th scope="col">
            <span className="visually-hidden">Remove</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {value.map((row, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, by position
          <tr key={i}>
            <td>
              <NumberField
                id={`${id}-${i}-value`}
                short="val"
                label={`${label}: estimate ${i + 1} value`}
                value={row.value}
                errors={rowErrors(i, "value")}
                onChange={(x) => setRow(i, "value", x)}
              />
            </td>
            <td>
              <select
                aria-label={`${label}: estimate ${i + 1} source`}
                value={String(row.source ?? "")}
                onChange={(e) => setRow(i, "source", e.target.value)}
              >
                <option value="">(choose a source)</option>
                {scenario.sources.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title}
                  </option>
                ))}
              </select>
            </td>
            <td>
              <input
                type="text"
                aria-label={`${label}: estimate ${i + 1} note`}
                value={String(row.note ?? "")}
                onChange={(e) => setRow(i, "note", e.target.value)}
              />
            </td>
            <td>
              <button
                type="button"
                className="link"
                aria-label={`Remove estimate ${i + 1} of ${label}`}
                disabled={value.length === 1}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={4}>
            <button
              type="button"
              className="link"
              onClick={() =>
                onChange([
                  ...value,
                  { value: draftCentral(value), source: scenario.sources[0]?.id ?? "" },
                ])
              }
            >
              + add a source's estimate
            </button>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
