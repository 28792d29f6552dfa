import { describe, expect, it } from "vitest";
import { prepareScenario } from "../scenario/prepare.ts";
import { validateScenario } from "../scenario/validate.ts";
import { utilityOf } from "./additive-utility.ts";
import { analyseDeals } from "./deal-analysis.ts";
import { decodeOutcome, statusQuoOutcome } from "./outcome-space.ts";
import { scenarioDealSpace } from "./scenario-deal-space.ts";
import { winSet } from "./win-set.ts";

const scenario = {
  id: "trade",
  title: "Tariffs and quotas",
  asOf: "2025-01-31",
  actors: [
    { id: "a", name: "Alpha", capability: 2 },
    { id: "b", name: "Beta", capability: 1 },
    { id: "parl", name: "Parliament of Beta", capability: 1 },
  ],
  issues: [
    {
      id: "tariff",
      title: "Tariff",
      scale: { minLabel: "free", maxLabel: "prohibitive" },
      statusQuo: 40,
      ratifiers: ["parl"],
    },
    {
      id: "quota",
      title: "Quota",
      scale: { min: 0, max: 10, minLabel: "none", maxLabel: "strict" },
    },
  ],
  stances: [
    { actor: "a", issue: "tariff", position: 20, salience: 60 },
    { actor: "a", issue: "quota", position: 10, salience: 40 },
    { actor: "b", issue: "tariff", position: 90, salience: 30 },
    { actor: "b", issue: "quota", position: 0, salience: 90 },
    { actor: "parl", issue: "tariff", position: 50, salience: 100 },
  ],
};

function data() {
  const r = validateScenario(scenario);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return prepareScenario(r.scenario);
}

describe("scenarioDealSpace", () => {
  it("grids every issue, adds the status quo, and normalises saliences per actor", () => {
    const d = scenarioDealSpace(data(), { grid: { tariff: 5, quota: [0, 5, 10] } });
    expect(d.space.issues.map((i) => i.labels)).toEqual([
      ["0", "25", "40", "50", "75", "100"],
      ["0", "5", "10"],
    ]);
    const [a, b, parl] = d.utilities;
    expect(Array.from(a?.weights ?? [])).toEqual([0.6, 0.4]);
    expect(Array.from(b?.weights ?? [])).toEqual([0.25, 0.75]);
    // Parliament has no stance on the quota: indifferent to it.
    expect(Array.from(parl?.weights ?? [])).toEqual([1, 0]);
    expect(parl?.valueFunctions[1]).toEqual({ kind: "flat" });
    // Reservation: status quo 40 on the tariff, the quota's midpoint 5 (no status quo).
    expect(a?.reservation).toBeCloseTo(0.6 * (1 - 20 / 100) + 0.4 * (1 - 5 / 10), 12);
    expect(parl?.reservation).toBeCloseTo(1 - 10 / 100, 12);
    expect(d.ratifiers.map((r) => Array.from(r))).toEqual([[2], []]);
    expect(statusQuoOutcome(d.space)).toBeUndefined(); // the quota has no status quo
  });

  it("quadratic loss per actor and issue; unknown grid ids are refused", () => {
    const d = scenarioDealSpace(data(), {
      loss: "quadratic",
      lossOverrides: { a: { tariff: "linear" } },
    });
    expect(d.space.size).toBe(11 * 11); // the status quo 40 is already a grid point
    expect(d.utilities[0]?.valueFunctions.map((f) => f.kind)).toEqual(["linear", "quadratic"]);
    expect(d.utilities[1]?.valueFunctions.map((f) => f.kind)).toEqual(["quadratic", "quadratic"]);
    expect(() => scenarioDealSpace(data(), { grid: { tarif: 3 } })).toThrow(
      'grid: unknown issue "tarif"; issues: tariff, quota',
    );
  });

  it("feeds the analysis and the win-set with the scenario's ratifiers", () => {
    const d = scenarioDealSpace(data());
    const two = analyseDeals(d.space, d.utilities.slice(0, 2));
    // Alpha cares more about the tariff, Beta about the quota: a logroll beats the status quo.
    expect(two.nash?.utilities[0]).toBeGreaterThan(d.utilities[0]?.reservation ?? 1);
    expect(two.nash?.utilities[1]).toBeGreaterThan(d.utilities[1]?.reservation ?? 1);
    // Alpha and Beta negotiate (level I); Beta's parliament ratifies any tariff change (level II).
    const free = winSet(d.space, d.utilities, [[], []], { alsoRequired: [0, 1] });
    expect(free.size).toBeGreaterThan(0);
    for (const i of free.packages) {
      const options = decodeOutcome(d.space, i);
      for (const u of d.utilities.slice(0, 2))
        expect(utilityOf(u, options)).toBeGreaterThan(u.reservation);
    }
    const w = winSet(d.space, d.utilities, d.ratifiers, { alsoRequired: [0, 1] });
    expect(Array.from(w.required)).toEqual([0, 1, 2]);
    expect(w.size).toBe(0); // the parliament (ideal 50, status quo 40) vetoes every logroll
    expect(w.soleVetoes[2]).toBeGreaterThan(0);
    expect(w.robust?.binding.length).toBeGreaterThan(0);
    for (const b of w.robust?.binding ?? []) expect(b.shortfall).toBeGreaterThanOrEqual(0);
  });
});
