import { checkBinaryForecasts } from "./binary-forecasts.ts";

/**
 * The logarithmic score of probability forecasts of yes/no events: the mean natural log of the
 * probability given to what happened, (1/N) Σ ln(oᵢ ? pᵢ : 1 − pᵢ) (Good 1952; positively
 * oriented as in Gneiting & Raftery 2007, JASA 102(477), §4.1: 0 is perfect, higher is better).
 * −∞ when a forecast gave probability 0 to what happened.
 * @example logScore([0.5], [true]) // => −0.693…
 */
export function logScore(p: readonly number[], o: readonly boolean[]): number {
  checkBinaryForecasts(p, o);
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const q = p[i] as number;
    sum += Math.log(o[i] ? q : 1 - q);
  }
  return sum / p.length;
}
