import type { ScenarioData } from "../../scenario/prepare.ts";
import { ModelInputError } from "../model.ts";
import type { SmpCompat } from "./smp-settings.ts";

/**
 * The scenario on KTAB's internal scale, in scenario actor order (see {@link smpInput}).
 * Source: KTAB `SMPModel::configExec` (examples/smp/libsrc/smp.cpp, commit 3b5b063); spec
 * `docs/research/spec-ktab-smp.md` §5.1.
 */
export interface SmpInput {
  /** Number of actors. */
  n: number;
  /** Number of dimensions (the scenario's issues). */
  m: number;
  /** Raw capabilities, length n. */
  capabilities: Float64Array;
  /** Positions mapped to [0,1], actor-major n×m (no stance: the neutral start). */
  positions: Float64Array;
  /** Saliences / 100, actor-major n×m (no stance: 0), rows scaled to sum to at most 1. */
  saliences: Float64Array;
  /** Ids of the actors whose saliences summed to over 100 and were scaled. */
  normalized: string[];
}

/** The scenario on KTAB's scale, in scenario actor order; throws ModelInputError on gaps. */
export function smpInput(data: ScenarioData, compat: SmpCompat): SmpInput {
  const n = data.actors.length;
  const m = data.issues.length;
  if (n === 0) throw new ModelInputError('model "smp" needs at least one actor');
  const capabilities = new Float64Array(n).fill(Number.NaN);
  const positions = new Float64Array(n * m).fill(Number.NaN);
  const saliences = new Float64Array(n * m);
  data.issues.forEach((issue, q) => {
    const width = issue.max - issue.min;
    if (!(width > 0)) {
      throw new ModelInputError(
        `model "smp": issue "${issue.id}" has an empty scale (${issue.min} to ${issue.max})`,
      );
    }
    issue.actors.forEach((actor, r) => {
      positions[actor * m + q] = ((issue.positions[r] as number) - issue.min) / width;
      saliences[actor * m + q] = (issue.saliences[r] as number) / 100;
      capabilities[actor] = issue.capabilities[r] as number;
    });
  });
  // An actor without a stance on an issue takes no part in that dimension: salience 0 (its
  // distances ignore it, and its bargains on it follow the other side), starting at the
  // salience·capability-weighted mean of those who have a stance, so it pulls no side.
  data.issues.forEach((issue, q) => {
    if (issue.actors.length === n) return;
    let sum = 0;
    let weight = 0;
    let plain = 0;
    issue.actors.forEach((actor) => {
      const w = (saliences[actor * m + q] as number) * (capabilities[actor] as number);
      sum += w * (positions[actor * m + q] as number);
      weight += w;
      plain += positions[actor * m + q] as number;
    });
    const neutral = weight > 0 ? sum / weight : plain / issue.actors.length;
    for (let i = 0; i < n; i++) {
      if (!Number.isNaN(positions[i * m + q])) continue;
      positions[i * m + q] = neutral;
    }
  });
  const normalized: string[] = [];
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let q = 0; q < m; q++) sum += saliences[i * m + q] as number;
    const id = data.actors[i]?.id ?? String(i);
    if (sum > 1) {
      for (let q = 0; q < m; q++) saliences[i * m + q] = (saliences[i * m + q] as number) / sum;
      normalized.push(id);
    }
    if (sum === 0 && compat === "ktab") {
      throw new ModelInputError(
        `model "smp" (compat ktab): actor "${id}" has zero salience on every issue; KTAB cannot measure its distances (use compat=corrected)`,
      );
    }
  }
  return { n, m, capabilities, positions, saliences, normalized };
}
