import { Id, type Scenario, type ValidationIssue } from "@entente/core";
import { useState } from "react";
import { appendAt, pathKey, removeAt, setAt } from "./draft-paths.ts";
import { FieldInput, fieldId, problemsUnder } from "./FieldInput.tsx";
import type { Section } from "./fields.ts";
import { countRefs, removeRef, renameRef } from "./scenario-refs.ts";

/** Props of {@link RecordSection}. */
export interface RecordSectionProps {
  section: Section;
  scenario: Scenario;
  problems: readonly ValidationIssue[];
  onChange: (next: Scenario, group?: string) => void;
}

/**
 * One list of the scenario (sources, actors, issues, shocks, phases) as forms: add, edit,
 * rename (the id changes everywhere it is used) and remove (asking first when other parts of
 * the scenario use it).
 */
export function RecordSection({ section, scenario, problems, onChange }: RecordSectionProps) {
  const records = ((scenario as Record<string, unknown>)[section.id] ?? []) as Array<
    Record<string, unknown>
  >;
  return (
    <section className="record-section" aria-labelledby={`section-${section.id}`}>
      <h2 id={`section-${section.id}`}>{section.title}</h2>
      <p className="hint">{section.hint}</p>
      {records.length === 0 && <p className="empty">No {section.title.toLowerCase()} yet.</p>}
      {records.map((record, i) => (
        <RecordForm
          // biome-ignore lint/suspicious/noArrayIndexKey: an id being typed must not remount its form
          key={i}
          index={i}
          section={section}
          record={record}
          scenario={scenario}
          problems={problems}
          onChange={onChange}
        />
      ))}
      <button
        type="button"
        className="primary"
        onClick={() => onChange(appendAt(scenario, [section.id], section.make(scenario)))}
      >
        Add {section.noun}
      </button>
    </section>
  );
}

function RecordForm(props: {
  index: number;
  section: Section;
  record: Record<string, unknown>;
  scenario: Scenario;
  problems: readonly ValidationIssue[];
  onChange: (next: Scenario, group?: string) => void;
}) {
  const { index, section, record, scenario, problems, onChange } = props;
  const at = [section.id, index];
  const id = String(record.id ?? "");
  // The id as typed; it is applied (everywhere it is used) once it is a new, well-formed id.
  const [typed, setTyped] = useState<string | undefined>();
  const idErrors = problemsUnder(problems, [...at, "id"]);
  const taken = (x: string) =>
    ((scenario as Record<string, unknown>)[section.id] as Array<{ id?: string }>).some(
      (r, j) => j !== index && r.id === x,
    );
  const typedProblem =
    typed === undefined
      ? undefined
      : !Id.safeParse(typed).success
        ? "expected an id: a letter, then up to 63 letters, digits, '_', '-' or '.'"
        : taken(typed)
          ? `“${typed}” is already used`
          : undefined;
  const commitId = () => {
    if (typed === undefined || typedProblem) return;
    const next = section.refKind
      ? renameRef(scenario, section.refKind, id, typed)
      : setAt(scenario, [...at, "id"], typed);
    setTyped(undefined);
    onChange(next);
  };
  const remove = () => {
    const uses = section.refKind ? countRefs(scenario, section.refKind, id) : 0;
    const what = `${section.noun} “${section.label(record)}”`;
    if (
      uses > 0 &&
      !window.confirm(
        `Remove ${what}? It is used ${uses} time${uses === 1 ? "" : "s"} elsewhere in the scenario${section.refKind === "actor" || section.refKind === "issue" ? " (its stances are removed with it)" : ""}.`,
      )
    ) {
      return;
    }
    onChange(
      section.refKind
        ? removeRef(scenario, section.refKind, id)
        : removeAt(scenario, [section.id], index),
    );
  };
  const idInput = fieldId([...at, "id"]);
  return (
    <fieldset className="record" aria-label={`${section.noun} ${section.label(record)}`}>
      <legend>
        {section.noun[0]?.toUpperCase()}
        {section.noun.slice(1)} “{section.label(record)}”
      </legend>
      <div className={`text-field${typedProblem || idErrors.length ? " invalid" : ""}`}>
        <label htmlFor={idInput}>Id</label>
        <input
          id={idInput}
          className="field-input"
          type="text"
          value={typed ?? id}
          aria-invalid={Boolean(typedProblem) || idErrors.length > 0}
          onChange={(e) => setTyped(e.target.value)}
          onBlur={commitId}
          onKeyDown={(e) => {
            if (e.key === "Enter") commitId();
            if (e.key === "Escape") setTyped(undefined);
          }}
        />
        {(typedProblem || idErrors.length > 0) && (
          <span className="cell-errors" role="alert">
            {typedProblem && <span className="cell-error">{typedProblem}</span>}
            {idErrors.map((e) => (
              <span key={e.message} className="cell-error">
                {e.message}
              </span>
            ))}
          </span>
        )}
      </div>
      {section.fields.map((field) => (
        <FieldInput
          key={pathKey(field.key)}
          field={field}
          at={at}
          scenario={scenario}
          problems={problems}
          onChange={onChange}
        />
      ))}
      <button type="button" className="danger" onClick={remove}>
        Remove {section.noun} “{section.label(record)}”
      </button>
    </fieldset>
  );
}
