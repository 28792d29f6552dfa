import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** File name of the built-in scenario. */
export const DEFAULT_SCENARIO = "budapest-2025.yaml";

/**
 * Path of a scenario shipped with Entente: the package's own `scenarios/` (an installed package)
 * or the repository's (a checkout).
 */
export function shippedScenario(name: string = DEFAULT_SCENARIO): string {
  const candidates = [
    new URL(`../../scenarios/${name}`, import.meta.url),
    new URL(`../../../../scenarios/${name}`, import.meta.url),
  ].map((u) => fileURLToPath(u));
  return candidates.find((p) => existsSync(p)) ?? (candidates[candidates.length - 1] as string);
}
