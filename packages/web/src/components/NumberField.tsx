import type { ValidationIssue } from "@entente/core";
import { useEffect, useState } from "react";
import { formatPath, inputText } from "../scenario-edit.ts";

/** Props of {@link NumberField}. */
export interface NumberFieldProps {
  id: string;
  /** Short visible label (e.g. "pos"). */
  short: string;
  /** Accessible name (e.g. "Russia position on Territory"). */
  label: string;
  /** The central value in the draft (a string while the analyst's text is not a number). */
  value: unknown;
  errors: readonly ValidationIssue[] | undefined;
  onChange: (value: number | string) => void;
  /** The analyst starts or stops editing this number. */
  onFocus?: () => void;
  onBlur?: () => void;
  /** An empty box is allowed (the number is optional). */
  optional?: boolean;
}

/** Parse what was typed: a number when it is one, else the text itself (for validation). */
export function parseNumber(text: string): number | string {
  const t = text.trim();
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t) ? Number(t) : text;
}

/**
 * A numeric input that keeps what the analyst types (so "12." stays while typing) and shows the
 * validation messages that point at it right beside it.
 */
export function NumberField(props: NumberFieldProps) {
  const { id, short, label, value, errors, onChange, onFocus, onBlur, optional } = props;
  const [text, setText] = useState(() => inputText(value));
  useEffect(() => {
    setText((t) => (parseNumber(t) === value ? t : inputText(value)));
  }, [value]);
  const parsed = parseNumber(text);
  const empty = optional === true && text.trim() === "";
  const local =
    typeof parsed === "string" && !empty && !errors?.length ? "enter a number" : undefined;
  const messages = (errors ?? []).map((e) => ({ path: formatPath(e.path), message: e.message }));
  if (local) messages.push({ path: "", message: local });
  const errorId = `${id}-errors`;
  return (
    <span className={`number-field${messages.length ? " invalid" : ""}`}>
      <label htmlFor={id} aria-hidden="true">
        {short}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        aria-label={label}
        aria-invalid={messages.length > 0}
        aria-describedby={messages.length ? errorId : undefined}
        value={text}
        onFocus={onFocus}
        onBlur={onBlur}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parseNumber(e.target.value));
        }}
      />
      {messages.length > 0 && (
        <span className="cell-errors" id={errorId} role="alert">
          {messages.map((m) => (
            <span key={`${m.path}: ${m.message}`} className="cell-error">
              {m.path && <code>{m.path}</code>} {m.message}
            </span>
          ))}
        </span>
      )}
    </span>
  );
}
