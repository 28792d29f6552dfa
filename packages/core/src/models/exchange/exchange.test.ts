import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IssueData, ScenarioData } from "../../scenario/prepare.ts";
import { type ExchangeRecord, exchange } from "./exchange.ts";

interface Stance {
  position: number;
  salience: number;
  capability: number;
}

/** A scenario from a table of stances (`undefined`: no stance), issues on their own scales. */
function scenario(
  stances: ReadonlyArray<ReadonlyArray<Stance | undefined>>,
  scales: ReadonlyArray<[number, number]>,
): ScenarioData {
  const n = stances.length;
  return {
    id: "t",
    title: "t",
    actors: stances.map((_, i) => ({ id: `a${i}`, name: `A${i}` })),
    issues: scales.map(([min, max], k): IssueData => {
      const on = [...Array(n).keys()].filter((i) => stances[i]?.[k] !== undefined);
      const of = (i: number) => stances[i]?.[k] as Stance;
      return {
        id: `i${k}`,
        title: `I${k}`,
        min,
        max,
        unit: undefined,
        minLabel: "low",
        maxLabel: "high",
        statusQuo: undefined,
        outcome: undefined,
        ratifiers: new Int32Array(0),
        actors: Int32Array.from(on),
        positions: Float64Array.from(on, (i) => of(i).position),
        saliences: Float64Array.from(on, (i) => of(i).salience),
        capabilities: Float64Array.from(on, (i) => of(i).capability),
      };
    }),
  };
}

const exchangesOf = (r: ReturnType<typeof exchange.run>) =>
  (r.details?.exchanges ?? []) as ExchangeRecord[];

describe("exchange model: a worked example (spec-exchange §3–§4 by hand)", () => {
  // u cares about p (0.8) and little about q (0.2); v the reverse; both at opposite ends.
  // O_p = 20, O_q = 80. I = u (the larger s_p/s_q) supplies q; J = v supplies p.
  // r_p = |0 − 100|·0.2·1/1 = 20 = r_q; m_I = 20·1/(1·0.2) = 100 = |A − a|: both move all the way.
  // Gain |20·0.2 − 20·0.8| = 12. Next start: w = 0.4·(1 − 0.2) + 0.1 = 0.42 of the way.
  const u = (p: number, q: number) => [
    { position: p, salience: 80, capability: 1 },
    { position: q, salience: 20, capability: 1 },
  ];
  const v = (p: number, q: number) => [
    { position: p, salience: 20, capability: 1 },
    { position: q, salience: 80, capability: 1 },
  ];
  const data = scenario(
    [u(-5, 0), v(5, 100)],
    [
      [-5, 5],
      [0, 100],
    ],
  );

  it("trades p for q: each gets its way on the issue it cares about", () => {
    for (const preset of ["corrected", "compat=decide"]) {
      const result = exchange.run(data, { preset });
      expect(result.issues.map((i) => i.forecast)).toEqual([-5, 100]);
      const [e, ...rest] = exchangesOf(result);
      expect(rest).toEqual([]);
      expect(e).toMatchObject({ round: 1, i: "a0", j: "a1", p: "i0", q: "i1" });
      expect(e?.iFrom).toBe(0);
      expect(e?.iTo).toBeCloseTo(100, 12);
      expect(e?.jFrom).toBe(5);
      expect(e?.jTo).toBeCloseTo(-5, 12);
      expect(e?.gain).toBeCloseTo(12, 12);
      expect(result.issues[0]?.details?.outcomes).toEqual([-5 + 20 / 10, -5]);
    }
  });

  it("starts the next round 0.42 of the way, and trades again for less", () => {
    const result = exchange.run(data, { params: { rounds: 2 } });
    // Round 2 starts at u: q 42; v: p 58 (on 0–100). O_p = 11.6, O_q = 88.4; r = 11.6 each,
    // both again move all the way; gain |11.6·0.2 − 11.6·0.8| = 6.96.
    const second = exchangesOf(result).filter((e) => e.round === 2);
    expect(second).toHaveLength(1);
    expect(second[0]?.iFrom).toBeCloseTo(42, 12);
    expect(second[0]?.jFrom).toBeCloseTo(-5 + 5.8, 12);
    expect(second[0]?.gain).toBeCloseTo(6.96, 12);
  });

  it("with no rounds, forecasts the weighted mean of the inputs", () => {
    const result = exchange.run(data, { params: { rounds: 0 } });
    expect(result.issues[0]?.forecast).toBeCloseTo(-3, 12);
    expect(result.issues[1]?.forecast).toBeCloseTo(80, 12);
    expect(exchangesOf(result)).toEqual([]);
  });

  it("refuses, naming the count and the parameter, a round with more candidates than maxCandidates", () => {
    // One candidate here (u and v on opposite sides of both outcomes).
    expect(() => exchange.run(data, { params: { maxCandidates: 1 } })).not.toThrow();
    const three = scenario(
      [u(-5, 0), v(5, 100), v(5, 90)],
      [
        [-5, 5],
        [0, 100],
      ],
    );
    expect(() => exchange.run(three, { params: { maxCandidates: 1 } })).toThrow(
      expect.objectContaining({
        name: "ModelInputError",
        message: expect.stringMatching(
          /would weigh 2 candidate trades .* at most 1 \(parameter maxCandidates\)/,
        ),
      }),
    );
  });

  it("leaves an actor that does not care about an issue out of its trades (both presets)", () => {
    const careless = scenario(
      [
        [
          { position: 0, salience: 0, capability: 1 },
          { position: 0, salience: 50, capability: 1 },
        ],
        v(100, 100),
      ],
      [
        [0, 100],
        [0, 100],
      ],
    );
    for (const preset of ["corrected", "compat=decide"]) {
      expect(exchangesOf(exchange.run(careless, { preset }))).toEqual([]);
    }
  });
});

// Random negotiations: 3–8 actors, 2–5 issues on their own scales, most actors on most issues.
const stanceArb = fc.record({
  position: fc.double({ min: 0, max: 1, noNaN: true }),
  salience: fc.double({ min: 1, max: 100, noNaN: true }),
  capability: fc.double({ min: 0.1, max: 10, noNaN: true }),
});
const negotiation = fc
  .record({
    nIssues: fc.integer({ min: 2, max: 5 }),
    nActors: fc.integer({ min: 3, max: 8 }),
  })
  .chain(({ nIssues, nActors }) =>
    fc.record({
      scales: fc.array(
        fc
          .tuple(fc.integer({ min: -100, max: 100 }), fc.integer({ min: 1, max: 200 }))
          .map(([min, width]): [number, number] => [min, min + width]),
        { minLength: nIssues, maxLength: nIssues },
      ),
      stances: fc.array(
        fc.array(fc.option(stanceArb, { freq: 6, nil: undefined }), {
          minLength: nIssues,
          maxLength: nIssues,
        }),
        { minLength: nActors, maxLength: nActors },
      ),
    }),
  )
  .map(({ scales, stances }) =>
    // Positions drawn on 0–1, placed on each issue's scale.
    scenario(
      stances.map((row) =>
        row.map((s, k) => {
          if (!s) return undefined;
          const [min, max] = scales[k] as [number, number];
          return { ...s, position: min + s.position * (max - min) };
        }),
      ),
      scales,
    ),
  );

describe("exchange model: properties", () => {
  it("gives both sides of every exchange the same, positive gain (from the shifts, independently)", () => {
    fc.assert(
      fc.property(negotiation, fc.integer({ min: 1, max: 3 }), (data, rounds) => {
        const result = exchange.run(data, { params: { rounds } });
        for (const e of exchangesOf(result)) {
          // The outcome shifts each move causes, r = |shift|·s·c / Σ s·c on 0–100 (§4).
          const issue = (id: string) => data.issues.find((i) => i.id === id) as IssueData;
          const weight = (k: IssueData, actor: string) => {
            const j = [...k.actors].findIndex((a) => data.actors[a]?.id === actor);
            return { s: (k.saliences[j] as number) / 100, c: k.capabilities[j] as number };
          };
          const total = (k: IssueData) =>
            k.saliences.reduce((sum, s, j) => sum + (s / 100) * (k.capabilities[j] as number), 0);
          const p = issue(e.p);
          const q = issue(e.q);
          const shift = (k: IssueData, from: number, to: number) =>
            (Math.abs(to - from) * 100) / (k.max - k.min);
          const rq = (shift(q, e.iFrom, e.iTo) * weight(q, e.i).s * weight(q, e.i).c) / total(q);
          const rp = (shift(p, e.jFrom, e.jTo) * weight(p, e.j).s * weight(p, e.j).c) / total(p);
          const gainI = rp * weight(p, e.i).s - rq * weight(q, e.i).s;
          const gainJ = rq * weight(q, e.j).s - rp * weight(p, e.j).s;
          expect(gainI).toBeGreaterThan(0);
          expect(Math.abs(gainI - gainJ)).toBeLessThan(1e-9 * Math.max(1, gainI));
          expect(Math.abs(gainI - e.gain)).toBeLessThan(1e-9 * Math.max(1, gainI));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("keeps every position and outcome of every round inside the issue's range", () => {
    fc.assert(
      fc.property(negotiation, fc.integer({ min: 1, max: 4 }), (data, rounds) => {
        for (const preset of ["corrected", "compat=decide"]) {
          const result = exchange.run(data, { preset, params: { rounds } });
          for (const [k, forecast] of result.issues.entries()) {
            const { min, max } = data.issues[k] as IssueData;
            // Rounds and outcomes are reported unclamped: allow the rounding of the rescaling.
            const slack = 1e-9 * (max - min);
            const inside = (x: number) => x >= min - slack && x <= max + slack;
            expect(forecast.forecast).toBeGreaterThanOrEqual(min);
            expect(forecast.forecast).toBeLessThanOrEqual(max);
            const outcomes = (forecast.details?.outcomes ?? []) as number[];
            expect(outcomes).toHaveLength(rounds + 1);
            for (const o of outcomes) expect(inside(o)).toBe(true);
            for (const r of forecast.rounds ?? []) {
              for (const x of Object.values(r.positions)) expect(inside(x)).toBe(true);
            }
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it("gives the same run under any order of actors and issues when no gains tie", () => {
    fc.assert(
      fc.property(
        negotiation,
        fc.integer({ min: 1, max: 3 }),
        fc.infiniteStream(fc.nat()),
        (data, rounds, keys) => {
          const result = exchange.run(data, { params: { rounds } });
          fc.pre(((result.details?.ties ?? []) as number[]).every((t) => t === 0));
          const shuffle = <T>(xs: readonly T[]) =>
            xs
              .map((x) => ({ x, k: keys.next().value as number }))
              .sort((a, b) => a.k - b.k)
              .map((o) => o.x);
          const actorOrder = shuffle([...data.actors.keys()]);
          const rank = new Int32Array(actorOrder.length);
          for (const [r, a] of actorOrder.entries()) rank[a] = r;
          const reordered: ScenarioData = {
            ...data,
            actors: actorOrder.map((a) => data.actors[a] as ScenarioData["actors"][number]),
            issues: shuffle(data.issues).map((issue) => {
              const slots = [...issue.actors.keys()].sort(
                (x, y) =>
                  (rank[issue.actors[x] as number] as number) -
                  (rank[issue.actors[y] as number] as number),
              );
              return {
                ...issue,
                actors: Int32Array.from(slots, (j) => rank[issue.actors[j] as number] as number),
                positions: Float64Array.from(slots, (j) => issue.positions[j] as number),
                saliences: Float64Array.from(slots, (j) => issue.saliences[j] as number),
                capabilities: Float64Array.from(slots, (j) => issue.capabilities[j] as number),
              };
            }),
          };
          const other = exchange.run(reordered, { params: { rounds } });
          const byIssue = new Map(other.issues.map((i) => [i.issue, i.forecast]));
          for (const issue of result.issues) {
            expect(byIssue.get(issue.issue)).toBeCloseTo(issue.forecast, 9);
          }
          // The same exchanges, as unordered pairs of (actor, issue) moves, round by round.
          const key = (e: ExchangeRecord) =>
            `${e.round}:${[`${e.i}@${e.q}`, `${e.j}@${e.p}`].sort().join("+")}`;
          expect(exchangesOf(other).map(key).sort()).toEqual(exchangesOf(result).map(key).sort());
        },
      ),
      { numRuns: 150 },
    );
  });
});
