/**
 * The store contract on unknown ids and bad arguments: which error, and what it says.
 * @module
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Store } from "./store.ts";
import { NotFoundError } from "./store-errors.ts";
import { sampleRevision } from "./store-samples.contract.ts";

/** The contract on unknown ids and bad arguments, run on the store `current` gives each test. */
export function unknownIdsContract(current: () => Store): void {
  describe("unknown ids", () => {
    let store: Store;
    beforeEach(() => {
      store = current();
    });

    it("says which scenario, revision or run does not exist", async () => {
      await store.createScenario("alpha", sampleRevision("alpha", "one"));
      const cases: Array<[() => Promise<unknown>, string, string]> = [
        [() => store.getScenario("nope"), "scenario", 'no scenario "nope"'],
        [
          () => store.getScenario("alpha", 7),
          "revision",
          'scenario "alpha" has no revision 7; its revisions are 1 to 1',
        ],
        [() => store.listRevisions("nope"), "scenario", 'no scenario "nope"'],
        [
          () => store.saveRevision("nope", sampleRevision("nope", "x")),
          "scenario",
          'no scenario "nope"',
        ],
        [() => store.getRun("r-1"), "run", 'no run "r-1"'],
        [() => store.updateRun("r-1", { status: "running" }), "run", 'no run "r-1"'],
        [
          () => store.createRun({ scenarioId: "nope", revision: 1, kind: "forecast" }),
          "scenario",
          'no scenario "nope"',
        ],
        [
          () => store.createRun({ scenarioId: "alpha", revision: 3, kind: "forecast" }),
          "revision",
          'scenario "alpha" has no revision 3; its revisions are 1 to 1',
        ],
      ];
      for (const [call, entity, message] of cases) {
        const error = await call().then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(NotFoundError);
        expect(error).toMatchObject({ entity, message });
      }
    });

    it("refuses bad arguments with a message naming the value", async () => {
      await expect(store.getScenario("alpha", 0)).rejects.toThrow(
        "revision: expected a whole number ≥ 1, got 0",
      );
      await expect(store.listRuns({ limit: 0 })).rejects.toThrow(/limit: .* got 0/);
      await expect(
        store.createRun({
          scenarioId: "alpha",
          revision: 1,
          kind: "dance" as never,
        }),
      ).rejects.toThrow('run kind: expected one of forecast, run, simulate, deals, got "dance"');
    });
  });
}
