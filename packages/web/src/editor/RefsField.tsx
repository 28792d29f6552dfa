import type { Scenario } from "@entente/core";
import { COLLECTION, type RefKind } from "./scenario-refs.ts";

/** Props of {@link RefsField}. */
export interface RefsFieldProps {
  id: string;
  label: string;
  of: RefKind;
  scenario: Scenario;
  value: unknown;
  hint?: string | undefined;
  /** The new list; undefined when nothing is ticked. */
  onChange: (next: string[] | undefined) => void;
}

/** Tick the actors, issues, sources or phases a record refers to. */
export function RefsField({ id, label, of, scenario, value, hint, onChange }: RefsFieldProps) {
  const chosen = new Set(Array.isArray(value) ? value.map(String) : []);
  const options = ((scenario[COLLECTION[of]] ?? []) as Array<Record<string, unknown>>).map((r) => ({
    id: String(r.id),
    name: String(r.name ?? r.title ?? r.id),
  }));
  // Ids ticked that no longer exist stay visible, so validation's message has something to point at.
  for (const c of chosen)
    if (!options.some((o) => o.id === c)) options.push({ id: c, name: `${c} (unknown)` });
  return (
    <fieldset className="refs-field" id={id}>
      <legend>
        {label}
        {hint && <span className="hint"> — {hint}</span>}
      </legend>
      {options.length === 0 && <span className="hint">No {COLLECTION[of]} yet.</span>}
      {options.map((o) => (
        <label key={o.id} className="check">
          <input
            type="checkbox"
            checked={chosen.has(o.id)}
            onChange={(e) => {
              const next = options
                .map((x) => x.id)
                .filter((x) => (x === o.id ? e.target.checked : chosen.has(x)));
              onChange(next.length === 0 ? undefined : next);
            }}
          />
          {o.name}
        </label>
      ))}
    </fieldset>
  );
}
