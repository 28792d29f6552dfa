// @vitest-environment happy-dom
import { type Scenario, validateScenario } from "@entente/core";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ValidationList } from "./ValidationList.tsx";

afterEach(cleanup);

const result = validateScenario({
  id: "t",
  title: "Test",
  asOf: "2025-01-31",
  actors: [{ id: "a", name: "Alpha", capability: 1 }],
  issues: [{ id: "x", title: "Tariff", scale: { minLabel: "free", maxLabel: "closed" } }],
  stances: [{ actor: "a", issue: "x", position: 20, salience: 50 }],
});
if (!result.ok) throw new Error("fixture invalid");
const scenario: Scenario = result.scenario;

describe("ValidationList", () => {
  it("says the draft is valid when there is nothing to list", () => {
    render(<ValidationList issues={[]} scenario={scenario} />);
    expect(screen.getByTestId("validation-ok").textContent).toContain("valid");
  });

  it("lists every problem as path: message, linking those inside the grid to their cell", () => {
    render(
      <ValidationList
        scenario={scenario}
        issues={[
          {
            path: ["stances", 0, "salience"],
            message: "expected a salience from 0 to 100, got 130",
          },
          { path: ["title"], message: "expected a string, got 5" },
          { path: ["actors", 0, "capability"], message: "expected a number > 0, got -1" },
        ]}
      />,
    );
    const list = screen.getByRole("region", { name: "3 problems in the draft" });
    const items = within(list).getAllByRole("listitem");
    expect(items.map((li) => li.textContent)).toEqual([
      "stances.0.salience: expected a salience from 0 to 100, got 130",
      "title: expected a string, got 5",
      "actors.0.capability: expected a number > 0, got -1",
    ]);
    expect(
      within(list)
        .getAllByRole("link")
        .map((a) => a.getAttribute("href")),
    ).toEqual(["#cell-a-x-salience", "#cell-a--capability"]);
  });

  it("shows the line and column the server gives", () => {
    render(
      <ValidationList
        title="The server refused the last save"
        scenario={scenario}
        issues={[{ path: ["stances", 0, "salience"], line: 26, col: 15, message: "too big" }]}
      />,
    );
    const list = screen.getByRole("region", { name: "The server refused the last save" });
    expect(within(list).getByRole("listitem").textContent).toBe(
      "26:15 stances.0.salience: too big",
    );
  });
});
