// @vitest-environment happy-dom
import { type Scenario, validateScenario } from "@entente/core";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DealView } from "./DealView.tsx";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const result = validateScenario({
  id: "t",
  title: "Test",
  asOf: "2025-01-31",
  actors: [
    { id: "a", name: "Alpha", capability: 2 },
    { id: "b", name: "Beta", capability: 3 },
  ],
  issues: [{ id: "x", title: "Tariff", scale: { minLabel: "free", maxLabel: "closed" } }],
  stances: [
    { actor: "a", issue: "x", position: 20, salience: 50 },
    { actor: "b", issue: "x", position: 70, salience: 80 },
  ],
});
if (!result.ok) throw new Error("fixture invalid");
const scenario: Scenario = result.scenario;

function answer(status: number, body: unknown) {
  const fetch = vi.fn(
    async (_url: string, _init?: RequestInit) => new Response(JSON.stringify(body), { status }),
  );
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

describe("DealView", () => {
  it("explains what is missing, and makes up nothing, when the server has no deals API", async () => {
    answer(501, { errors: [{ path: "(route)", message: "deal-space search is not available" }] });
    render(<DealView scenarioId="t" revision={1} scenario={scenario} dirty={false} />);
    const placeholder = await screen.findByTestId("deals-placeholder");
    expect(placeholder.textContent).toContain("The deal view needs the deals API.");
    expect(placeholder.textContent).toContain(
      "The server answered: deal-space search is not available",
    );
    expect(screen.queryByTestId("deals-result")).toBeNull();
  });

  it("asks for the two most capable actors and shows the packages the server found", async () => {
    const pkg = (v: string) => ({
      utilities: [0.7, 0.6],
      package: [{ issue: "x", value: v, statusQuo: false }],
    });
    const fetch = answer(200, {
      result: {
        source: "Test [t]",
        parties: ["b", "a"],
        grid: 11,
        packages: 11,
        frontierPoints: 6,
        rationalPackages: 4,
        reservations: [0.5, 0.4],
        nash: pkg("50"),
        kalaiSmorodinsky: pkg("50"),
        maxWelfare: pkg("60"),
        offers: { aToB: [], bToA: [], logrolls: [] },
        path: [],
        notes: [],
      },
    });
    render(<DealView scenarioId="t" revision={3} scenario={scenario} dirty={false} />);
    await screen.findByTestId("deals-result");
    expect(JSON.parse(fetch.mock.calls[0]?.[1]?.body as string)).toEqual({
      record: false,
      between: ["b", "a"],
      ratify: false,
      revision: 3,
    });
    expect(screen.getByTestId("deals-result").textContent).toContain(
      "Utility of no deal: Beta 0.500, Alpha 0.400.",
    );
    expect(screen.getAllByRole("row").map((r) => r.textContent)).toContain("Tariff505060");
  });
});
