/** A path into the scenario document, e.g. `["stances", 3, "salience"]`. */
export type Path = ReadonlyArray<string | number>;

/** One validation problem: where it is and what is wrong, in words an analyst can act on. */
export interface ValidationIssue {
  path: Path;
  message: string;
  /** `key` when the problem is the field name itself (an unknown field), else `value`. */
  at?: "key" | "value";
}
