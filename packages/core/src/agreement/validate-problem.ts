import type { MaxMinGainProblem } from "./max-min-gain-problem.ts";

/** Check lengths and values, throwing a RangeError that names the first bad one. */
export function validateProblem(problem: MaxMinGainProblem): void {
  const { issues: K, actors: n } = problem;
  if (!Number.isInteger(K) || K < 0) {
    throw new RangeError(`maxMinGain: issues must be an integer ≥ 0, got ${K}`);
  }
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`maxMinGain: actors must be an integer ≥ 0, got ${n}`);
  }
  expectLength("statusQuo", problem.statusQuo.length, K, "issues");
  expectLength("length", problem.length.length, K, "issues");
  expectLength("free", problem.free.length, K, "issues");
  expectLength("positions", problem.positions.length, n * K, "actors × issues");
  expectLength("weights", problem.weights.length, n * K, "actors × issues");
  expectLength("required", problem.required.length, n, "actors");
  for (let k = 0; k < K; k++) {
    const q = problem.statusQuo[k] as number;
    if (!Number.isFinite(q)) {
      throw new RangeError(`maxMinGain: statusQuo[${k}] must be finite, got ${q}`);
    }
    const l = problem.length[k] as number;
    if (!(Number.isFinite(l) && l > 0)) {
      throw new RangeError(`maxMinGain: length[${k}] must be a finite number > 0, got ${l}`);
    }
  }
  for (let at = 0; at < n * K; at++) {
    const v = problem.positions[at] as number;
    if (!Number.isFinite(v)) {
      throw new RangeError(
        `maxMinGain: positions[${at}] (actor ${Math.floor(at / K)}, issue ${at % K}) must be finite, got ${v}`,
      );
    }
    const wv = problem.weights[at] as number;
    if (!(Number.isFinite(wv) && wv >= 0)) {
      throw new RangeError(
        `maxMinGain: weights[${at}] (actor ${Math.floor(at / K)}, issue ${at % K}) must be a finite number ≥ 0, got ${wv}`,
      );
    }
  }
  let any = false;
  for (let i = 0; i < n; i++) if (problem.required[i] !== 0) any = true;
  if (!any) {
    throw new RangeError(
      "maxMinGain: no actor is required; the minimum gain over no actors is undefined",
    );
  }
}

function expectLength(name: string, actual: number, expected: number, what: string): void {
  if (actual !== expected) {
    throw new RangeError(
      `maxMinGain: ${name} has length ${actual}, expected ${expected} (${what})`,
    );
  }
}
