import { forecastPhased } from "../phases.ts";
import { randomStream } from "../random/stream.ts";
import type { CompiledSimulation } from "./compile-simulation.ts";
import { sampleScenario } from "./sample-scenario.ts";

/** How one issue's forecast by one model responds to each uncertain input. */
export interface IssueSensitivity {
  issue: string;
  model: string;
  /** Forecast with every input at its central value and no shock. */
  base: number;
  /** One-at-a-time: each input at its low and its high end, the rest central; sorted by swing. */
  tornado: Array<{
    input: string;
    path: string;
    low: number;
    high: number;
    atLow: number;
    atHigh: number;
    swing: number;
  }>;
  /** First-order Sobol index of each input (and shock), Saltelli et al. 2010 estimator. */
  sobol: Array<{ input: string; firstOrder: number }>;
  /** Variance of the forecast over the Sobol base sample. */
  variance: number;
}

/**
 * Sensitivity of every issue's forecast to every uncertain input: one-at-a-time sweeps (tornado
 * data) and first-order Sobol indices S_i = V(E[Y|X_i]) / V(Y), estimated with the
 * A / B / A_B⁽ⁱ⁾ design and estimator of Saltelli, Annoni, Azzini, Campolongo, Ratto & Tarantola
 * (2010), Comput. Phys. Commun. 181, eq. (b) of Table 2: S_i ≈ (1/N) Σ f(B)(f(A_B⁽ⁱ⁾) − f(A)) / V,
 * with f(B) centred on the sample mean.
 * Shocks count as inputs (happening when their uniform falls below their probability). Cost:
 * N·(d + 2) runs of each model for d inputs. Streams are derived from the seed and the scenario,
 * so the indices are reproducible. `baseSamples` 0 gives the one-at-a-time sweeps only (no Sobol
 * indices, variance NaN), at the cost of 2d + 1 runs.
 */
/** Base samples of a sensitivity analysis unless the caller asks for another number. */
export const SENSITIVITY_BASE_SAMPLES = 512;

export function sensitivity(
  sim: CompiledSimulation,
  baseSamples = SENSITIVITY_BASE_SAMPLES,
): IssueSensitivity[] {
  const { base, models, inputs, shocks, phases, layout, plan, hash } = sim;
  const runOptions = models.map((m) => ({ ...plan.modelOptions?.[m.id], forecastOnly: true }));
  const d = inputs.length + shocks.length;
  const nIssues = layout.issues.length;
  const evaluate = (u: Float64Array): number[][] => {
    const active = Uint8Array.from(shocks, (s, k) =>
      (u[inputs.length + k] as number) < s.probability ? 1 : 0,
    );
    const data = sampleScenario(base, inputs, u, shocks, active);
    return models.map((m, k) => forecastPhased(m, data, phases, runOptions[k]));
  };
  // One-at-a-time runs set inputs to exact values (central, low, high), not through a draw.
  const atCentral = (overrides: Map<number, number>) => {
    const data = sampleScenario(
      base,
      inputs.map((input, i) => {
        const x = overrides.get(i) ?? input.central;
        return { ...input, quantile: () => x };
      }),
      new Float64Array(inputs.length),
      shocks,
      new Uint8Array(shocks.length),
    );
    return models.map((m, k) => forecastPhased(m, data, phases, runOptions[k]));
  };
  const central = atCentral(new Map());
  const sweeps = inputs.map((input, i) => ({
    input,
    low: atCentral(new Map([[i, input.low]])),
    high: atCentral(new Map([[i, input.high]])),
  }));

  const N = baseSamples;
  const A = Array.from({ length: N }, (_, j) => draw(randomStream(plan.seed, hash, 0x50b0, j), d));
  const B = Array.from({ length: N }, (_, j) => draw(randomStream(plan.seed, hash, 0x50b1, j), d));
  const fA = A.map(evaluate);
  const fB = B.map(evaluate);
  const fAB = Array.from({ length: d }, (_, i) =>
    A.map((a, j) => {
      const row = a.slice();
      row[i] = (B[j] as Float64Array)[i] as number;
      return evaluate(row);
    }),
  );
  const names = [...inputs.map((x) => x.label), ...shocks.map((s) => `shock ${s.id}`)];

  const out: IssueSensitivity[] = [];
  for (let k = 0; k < nIssues; k++) {
    for (const [m, model] of models.entries()) {
      const y = (f: number[][][], j: number) => ((f[j] as number[][])[m] as number[])[k] as number;
      let mean = 0;
      for (let j = 0; j < N; j++) mean += y(fA, j) + y(fB, j);
      mean /= 2 * N;
      let variance = 0;
      for (let j = 0; j < N; j++) variance += (y(fA, j) - mean) ** 2 + (y(fB, j) - mean) ** 2;
      variance /= 2 * N - 1;
      // No base sample (baseSamples 0): one-at-a-time only.
      const sobol =
        N === 0
          ? []
          : names.map((input, i) => {
              let acc = 0;
              // f(B) centred on the sample mean: same expectation, far smaller variance when the
              // forecasts sit far from zero (as on a 0–100 scale).
              for (let j = 0; j < N; j++)
                acc += (y(fB, j) - mean) * (y(fAB[i] as number[][][], j) - y(fA, j));
              return { input, firstOrder: variance > 0 ? acc / N / variance : 0 };
            });
      const tornado = sweeps
        .map(({ input, low, high }) => {
          const atLow = (low[m] as number[])[k] as number;
          const atHigh = (high[m] as number[])[k] as number;
          return {
            input: input.label,
            path: input.path,
            low: input.low,
            high: input.high,
            atLow,
            atHigh,
            swing: atHigh - atLow,
          };
        })
        .sort((a, b) => Math.abs(b.swing) - Math.abs(a.swing));
      out.push({
        issue: layout.issues[k] as string,
        model: model.id,
        base: (central[m] as number[])[k] as number,
        tornado,
        sobol: sobol.sort((a, b) => b.firstOrder - a.firstOrder),
        variance: N === 0 ? Number.NaN : variance,
      });
    }
  }
  return out;
}

function draw(rng: { next(): number }, d: number): Float64Array {
  const u = new Float64Array(d);
  for (let i = 0; i < d; i++) u[i] = rng.next();
  return u;
}
