/** Where a command writes: injectable so that tests can run commands in-process. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Exit codes every command uses. */
export const EXIT = { ok: 0, failure: 1, invalidInput: 2 } as const;

/** Thrown by commands for an expected failure; `main` prints the message without a stack. */
export class CliError extends Error {
  override name = "CliError";
  readonly exitCode: number;
  constructor(message: string, exitCode: number = EXIT.failure) {
    super(message);
    this.exitCode = exitCode;
  }
}
