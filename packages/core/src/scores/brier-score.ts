import { checkBinaryForecasts } from "./binary-forecasts.ts";

/**
 * The Brier score of probability forecasts pᵢ of yes/no events oᵢ (1 yes, 0 no):
 * BS = (1/N) Σ (pᵢ − oᵢ)² (Brier 1950, Monthly Weather Review 78(1), eq. 1 for two classes,
 * halved). 0 is perfect; always saying 50 % scores 0.25. Lower is better.
 * @example brierScore([0.8, 0.3], [true, false]) // => 0.065
 */
export function brierScore(p: readonly number[], o: readonly boolean[]): number {
  checkBinaryForecasts(p, o);
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum += ((p[i] as number) - (o[i] ? 1 : 0)) ** 2;
  return sum / p.length;
}
