/** One problem with an entry to be appended: which entry (0-based in the batch), which field. */
export interface LedgerProblem {
  entry: number;
  path: string;
  message: string;
  /** The question is not in the ledger (the API answers 404). */
  notFound?: boolean;
}

/** Entries the ledger refuses; nothing of the batch is written. */
export class LedgerInputError extends Error {
  override name = "LedgerInputError";
  readonly problems: LedgerProblem[];
  constructor(problems: LedgerProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join("; "));
    this.problems = problems;
  }
}
