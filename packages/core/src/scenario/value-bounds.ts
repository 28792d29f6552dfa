/** The range a number in the scenario must lie in, and how to name it in a message. */
export interface Bounds {
  min: number;
  max: number;
  /** true when `min` itself is excluded (capability > 0). */
  openMin?: boolean;
  /** true when `max` itself is excluded. */
  openMax?: boolean;
  /** The expectation in words, e.g. "a salience from 0 to 100". */
  what: string;
}

/** An actor's capability, on the actor or on one stance: any number greater than 0. */
export const CAPABILITY_BOUNDS: Bounds = {
  min: 0,
  max: Number.POSITIVE_INFINITY,
  openMin: true,
  what: "a capability greater than 0",
};
