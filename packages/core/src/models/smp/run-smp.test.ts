// KTAB parity of the SMP engine on the one-parameter sweep and the ideal-adjustment case.
import { describe, expect, it } from "vitest";
import {
  type KtabExpected,
  type KtabXmlInput,
  readKtabCsv,
  readKtabJson,
  smpProblemOf,
} from "../../../../../test/fixtures/ktab/ktab-fixtures.ts";
import { runSmp, type SmpRun } from "./run-smp.ts";
import { type SmpCompat, type SmpEnumName, smpSettings } from "./smp-settings.ts";

const VARIANTS = [
  "default",
  "BargnModel-InitRcvrInterp",
  "BargnModel-PWCompInterp",
  "BigRAdjust-Half",
  "BigRAdjust-None",
  "BigRAdjust-TwoThirds",
  "BigRRange-Max",
  "BigRRange-Min",
  "InterVecBrgn-S1P1",
  "InterVecBrgn-S2PMax",
  "PCEModel-MarkovIncentive",
  "PCEModel-MarkovUniform",
  "ThirdPartyCommit-FullCommit",
  "ThirdPartyCommit-NoCommit",
  "VictoryProbModel-Binary",
  "VictoryProbModel-Octic",
  "VictoryProbModel-Quartic",
  "VictoryProbModel-Square",
  "VotingRule-ASymProsp",
  "VotingRule-Binary",
  "VotingRule-Cubic",
  "VotingRule-PropBin",
  "VotingRule-PropCbc",
];
/** Variants whose KTAB behaviour compat "corrected" changes (spec §5.12 #1, #2, #4, #5). */
const CHANGED_BY_CORRECTION = new Set([
  "BargnModel-InitRcvrInterp",
  "BargnModel-PWCompInterp",
  "ThirdPartyCommit-FullCommit",
  "ThirdPartyCommit-NoCommit",
  "VictoryProbModel-Binary",
  "VictoryProbModel-Octic",
  "VictoryProbModel-Quartic",
  "VictoryProbModel-Square",
]);

const dummy = smpProblemOf(readKtabCsv("inputs/dummyData_3Dim.csv"));

/** Largest |difference| of positions (and ideals) on 0–100 over the common states. */
function maxDiff(run: SmpRun, exp: KtabExpected, ideals = false): number {
  let d = 0;
  const T = Math.min(run.states.length, exp.states);
  for (let t = 0; t < T; t++) {
    const st = run.states[t] as SmpRun["states"][number];
    const got = ideals ? st.ideals : st.positions;
    const want = (ideals ? exp.ideals?.[t] : exp.positions[t]) as number[];
    want.forEach((w, q) => {
      d = Math.max(d, Math.abs((got[q] as number) * 100 - w));
    });
  }
  return d;
}

function settingsOf(params: Record<string, string>, compat: SmpCompat) {
  return smpSettings({ ...(params as Partial<Record<SmpEnumName, string>>), compat });
}

describe("runSmp on dummyData_3Dim, one KTAB parameter changed (compat ktab)", () => {
  it.each(VARIANTS)("%s: same states, positions within 1e-9", (variant) => {
    const exp = readKtabJson(`expected/sweep/${variant}.json`);
    const run = runSmp(dummy, settingsOf(exp.params, "ktab"));
    expect(run.states.length).toBe(exp.states);
    expect(maxDiff(run, exp)).toBeLessThanOrEqual(1e-9);
    // KTAB's logged per-actor win probabilities (4 decimals).
    run.states.forEach((st, t) => {
      st.outcome.actorProbabilities.forEach((p, i) => {
        expect(Math.abs(p - (exp.winProbabilities[t]?.[i] as number))).toBeLessThanOrEqual(5.01e-5);
      });
    });
  });
});

describe("runSmp, compat corrected", () => {
  it.each(VARIANTS.filter((v) => !CHANGED_BY_CORRECTION.has(v)))(
    "%s: unaffected by the corrections, still reproduces KTAB",
    (variant) => {
      const exp = readKtabJson(`expected/sweep/${variant}.json`);
      const run = runSmp(dummy, settingsOf(exp.params, "corrected"));
      expect(run.states.length).toBe(exp.states);
      expect(maxDiff(run, exp)).toBeLessThanOrEqual(1e-9);
    },
  );

  it.each([...CHANGED_BY_CORRECTION])("%s: the correction changes the run", (variant) => {
    const exp = readKtabJson(`expected/sweep/${variant}.json`);
    const run = runSmp(dummy, settingsOf(exp.params, "corrected"));
    expect(run.states.length !== exp.states || maxDiff(run, exp) > 1e-6).toBe(true);
    for (const st of run.states) for (const x of st.positions) expect(x >= 0 && x <= 1).toBe(true);
  });

  it("NoCommit and FullCommit differ once third parties can vote", () => {
    const no = runSmp(dummy, smpSettings({ ThirdPartyCommit: "NoCommit" }));
    const full = runSmp(dummy, smpSettings({ ThirdPartyCommit: "FullCommit" }));
    const ktabNo = runSmp(dummy, smpSettings({ ThirdPartyCommit: "NoCommit", compat: "ktab" }));
    const ktabFull = runSmp(dummy, smpSettings({ ThirdPartyCommit: "FullCommit", compat: "ktab" }));
    expect(ktabNo.states.map((s) => [...s.positions])).toEqual(
      ktabFull.states.map((s) => [...s.positions]),
    );
    expect(no.states.map((s) => [...s.positions])).not.toEqual(
      full.states.map((s) => [...s.positions]),
    );
  });
});

describe("BigRAdjust=Full", () => {
  it("throws under compat ktab, as KTAB always does", () => {
    expect(() => runSmp(dummy, smpSettings({ BigRAdjust: "Full", compat: "ktab" }))).toThrow(
      RangeError,
    );
  });

  it("runs under compat corrected (h uses i's true risk attitude)", () => {
    const run = runSmp(dummy, smpSettings({ BigRAdjust: "Full" }));
    expect(run.states.length).toBeGreaterThanOrEqual(3);
    for (const st of run.states) for (const x of st.positions) expect(x >= 0 && x <= 1).toBe(true);
  });
});

describe("smpExample (non-identity ideal adjustment, MarkovIncentive, PropCbc)", () => {
  const input = readKtabJson<KtabXmlInput>("inputs/smpExample-deterministic.json");
  const exp = readKtabJson("expected/smpExample-deterministic.json");
  const problem = smpProblemOf(
    {
      actors: input.actors.map((a) => a.name),
      capabilities: input.actors.map((a) => a.capability),
      positions: input.actors.map((a) => a.position),
      saliences: input.actors.map((a) => a.salience),
    },
    input.accommodation,
  );
  it.each(["ktab", "corrected"] as const)(
    "compat %s: positions and ideals within 1e-9",
    (compat) => {
      const run = runSmp(problem, settingsOf(input.params, compat));
      expect(run.states.length).toBe(exp.states);
      expect(maxDiff(run, exp)).toBeLessThanOrEqual(1e-9);
      expect(maxDiff(run, exp, true)).toBeLessThanOrEqual(1e-9);
    },
  );
});

describe("runSmp edge cases", () => {
  it("Stochastic transitions are reproducible from the seed", () => {
    const a = runSmp(dummy, smpSettings({ StateTransitions: "Stochastic", seed: 42n }));
    const b = runSmp(dummy, smpSettings({ StateTransitions: "Stochastic", seed: 42n }));
    expect(a.states.map((s) => [...s.positions])).toEqual(b.states.map((s) => [...s.positions]));
    for (const st of a.states) for (const x of st.positions) expect(x >= 0 && x <= 1).toBe(true);
  });

  it("an actor without salience: KTAB cannot run it, corrected measures with equal weights", () => {
    const s = Float64Array.from(dummy.saliences);
    s.fill(0, 0, 3);
    const problem = { ...dummy, saliences: s };
    expect(() => runSmp(problem, smpSettings({ compat: "ktab" }))).toThrow(RangeError);
    const run = runSmp(problem, smpSettings());
    for (const st of run.states)
      for (const x of st.positions) expect(Number.isFinite(x)).toBe(true);
  });

  it("all actors at one point: nothing moves and corrected risk attitudes stay finite", () => {
    const positions = new Float64Array(dummy.n * dummy.m).fill(0.3);
    const run = runSmp({ ...dummy, positions }, smpSettings());
    expect(run.states.length).toBe(3);
    expect([...(run.states.at(-1)?.positions ?? [])].every((x) => x === 0.3)).toBe(true);
    expect(run.states.at(-1)?.outcome.probabilities[0]).toBe(1);
  });

  it("stops at maxTurns", () => {
    const run = runSmp(dummy, smpSettings({ maxTurns: 3 }));
    expect(run.states.length).toBe(4);
    expect(run.stop).toBe("max-turns");
  });
});
