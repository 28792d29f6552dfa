// Test support: the diagnostics an input reader reports, formatted as the CLI prints them.
import { formatDiagnostic, InputError } from "../../packages/entente/src/io/diagnostic.ts";

/** `run`'s InputError as `file:line:col path: message` lines; [] when it succeeds. */
export function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics.map(formatDiagnostic);
    throw e;
  }
  return [];
}
