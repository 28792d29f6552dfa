/** A problem in an input file, located for an editor: `file:line:col path: message`. */
export interface Diagnostic {
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  col: number;
  /** Where in the document, e.g. `stances.3.salience`; `(file)` or `(syntax)` when not a field. */
  path: string;
  message: string;
}

/** Thrown when an input file cannot be used; carries every problem found. */
export class InputError extends Error {
  override name = "InputError";
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
    this.diagnostics = diagnostics;
  }
}

/** `file:line:col path: message` — the one-line form every command prints. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col} ${d.path}: ${d.message}`;
}

/** Order diagnostics as they appear in the file. */
export function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.col - b.col;
}
