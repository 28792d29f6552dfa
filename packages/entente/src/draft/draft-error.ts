/** An expected failure of a draft, with the exit code the CLI gives it (1 failure, 2 configuration). */
export class DraftError extends Error {
  override name = "DraftError";
  readonly exitCode: 1 | 2;
  constructor(message: string, exitCode: 1 | 2 = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}
