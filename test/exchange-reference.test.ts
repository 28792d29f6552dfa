// The exchange model under `compat=decide` reproduces the reference program's runs (fixtures in
// test/fixtures/exchange, README there): the input files go through `entente import` and the
// scenario through the model, exactly as a user's would.
import { readFileSync } from "node:fs";
import { type ExchangeRecord, exchange, prepareScenario } from "@entente/core";
import { describe, expect, it } from "vitest";
import { importText } from "../packages/entente/src/io/import/import-scenario.ts";

const dir = new URL("./fixtures/exchange/", import.meta.url).pathname;

interface Expected {
  rounds: Array<{
    round: number;
    outcomes: Record<string, number>;
    positions: Record<string, Record<string, number>>;
    exchanges?: Array<[string, string, string, string, number, number, number]>;
  }>;
}

const cases = [
  ["sample_data", "sample_data.txt"],
  ["copenhagen", "copenhagen.csv"],
  ["cop21", "cop21.csv"],
] as const;

describe.each(cases)("exchange model, compat=decide, reference run %s", (name, file) => {
  const expected = JSON.parse(readFileSync(`${dir}${name}.expected.json`, "utf8")) as Expected;
  const { scenario } = importText(readFileSync(`${dir}${file}`), file, { asOf: "2025-01-01" });
  const data = prepareScenario(scenario);
  const result = exchange.run(data, { preset: "compat=decide", params: { rounds: 10 } });
  // The reference names actors and issues as written; the import keeps those names.
  const actorId = new Map(scenario.actors.map((a) => [a.name, a.id]));
  const issueId = new Map(scenario.issues.map((i) => [i.title, i.id]));
  const norm = (k: number, v: number) => {
    const issue = data.issues[k] as (typeof data.issues)[number];
    return ((v - issue.min) * 100) / (issue.max - issue.min);
  };

  it("keeps the reference's actors and issues, in its order", () => {
    const first = expected.rounds[0] as Expected["rounds"][number];
    expect(scenario.issues.map((i) => i.title)).toEqual(Object.keys(first.outcomes));
    const issue = Object.values(first.positions)[0] as Record<string, number>;
    expect(data.issues[0]?.actors.length).toBe(Object.keys(issue).length);
    expect(scenario.actors.map((a) => a.name)).toEqual(Object.keys(issue));
  });

  it("gives every round's voting positions and outcomes within 1e-9 (0-100 scale)", () => {
    let worst = 0;
    for (const round of expected.rounds) {
      for (const [k, issue] of data.issues.entries()) {
        const title = scenario.issues[k]?.title as string;
        const mine = result.issues[k];
        const outcomes = mine?.details?.outcomes as number[];
        const d = Math.abs(
          norm(k, outcomes[round.round] as number) - (round.outcomes[title] as number),
        );
        worst = Math.max(worst, d);
        expect(d, `${title} outcome, round ${round.round}`).toBeLessThan(1e-9);
        const positions = mine?.rounds?.[round.round]?.positions ?? {};
        for (const [actor, x] of Object.entries(round.positions[title] ?? {})) {
          const y = positions[actorId.get(actor) as string];
          expect(y, `${actor} on ${title}, round ${round.round}`).toBeDefined();
          expect(Math.abs(norm(k, y as number) - x)).toBeLessThan(1e-9);
        }
        expect(Object.keys(positions)).toHaveLength(issue.actors.length);
      }
    }
    expect(worst).toBeLessThan(1e-9);
  });

  it("realises the same exchanges in the same order, with the same gains and voting positions", () => {
    const mine = (result.details?.exchanges ?? []) as ExchangeRecord[];
    const k = (id: string) => data.issues.findIndex((i) => i.id === id);
    for (const round of expected.rounds.slice(1)) {
      const ours = mine.filter((e) => e.round === round.round);
      const theirs = round.exchanges ?? [];
      expect(ours.length, `round ${round.round}`).toBe(theirs.length);
      for (const [n, [i, j, p, q, gain, iTo, jTo]] of theirs.entries()) {
        const e = ours[n] as ExchangeRecord;
        const where = `round ${round.round}, exchange ${n + 1}`;
        expect([e.i, e.j, e.p, e.q], where).toEqual([
          actorId.get(i),
          actorId.get(j),
          issueId.get(p),
          issueId.get(q),
        ]);
        expect(Math.abs(e.gain - gain), where).toBeLessThan(1e-9);
        expect(Math.abs(norm(k(e.q), e.iTo) - iTo), where).toBeLessThan(1e-9);
        expect(Math.abs(norm(k(e.p), e.jTo) - jTo), where).toBeLessThan(1e-9);
      }
    }
    expect(mine.length).toBe(expected.rounds.reduce((n, r) => n + (r.exchanges?.length ?? 0), 0));
  });
});
