// @vitest-environment happy-dom
import { type Scenario, validateScenario } from "@entente/core";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { StanceGrid } from "./StanceGrid.tsx";
import { ValidationList } from "./ValidationList.tsx";

afterEach(cleanup);

function scenario(): Scenario {
  const result = validateScenario({
    id: "t",
    title: "Test",
    asOf: "2025-01-31",
    sources: [
      { id: "s1", title: "First analysis", locator: "a.txt" },
      { id: "s2", title: "Second analysis", locator: "b.txt" },
    ],
    actors: [
      { id: "a", name: "Alpha", capability: 2 },
      { id: "b", name: "Beta", capability: 1 },
      { id: "c", name: "Gamma", capability: 1 },
    ],
    issues: [
      { id: "x", title: "Tariff", scale: { minLabel: "free", maxLabel: "closed" } },
      { id: "y", title: "Quota", scale: { minLabel: "none", maxLabel: "strict" } },
    ],
    stances: [
      {
        actor: "a",
        issue: "x",
        position: { value: 20, low: 10, high: 30, sources: ["s1"] },
        salience: 50,
      },
      {
        actor: "b",
        issue: "x",
        position: [
          { value: 70, source: "s1", note: "hawkish" },
          { value: 90, source: "s2" },
        ],
        salience: 80,
      },
      { actor: "a", issue: "y", position: 40, salience: 30 },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

/** The grid and its validation list over a draft held in state, as the editor holds it. */
function Editor({ initial }: { initial: Scenario }) {
  const [draft, setDraft] = useState(initial);
  const result = validateScenario(draft);
  const issues = result.ok ? [] : result.issues;
  return (
    <>
      <StanceGrid scenario={draft} issues={issues} onChange={setDraft} />
      <ValidationList issues={issues} scenario={draft} />
    </>
  );
}

describe("StanceGrid", () => {
  it("shows each actor's central position and salience per issue, and who takes no part", () => {
    render(<Editor initial={scenario()} />);
    expect(screen.getAllByRole("row")).toHaveLength(4); // header + 3 actors
    expect(screen.getByLabelText<HTMLInputElement>("Alpha position on Tariff").value).toBe("20");
    expect(screen.getByLabelText<HTMLInputElement>("Beta position on Tariff").value).toBe("80");
    expect(screen.getByLabelText<HTMLInputElement>("Alpha salience on Quota").value).toBe("30");
    expect(screen.getByLabelText<HTMLInputElement>("Alpha capability").value).toBe("2");
    expect(screen.getByRole("button", { name: "Add a stance for Gamma on Tariff" })).toBeTruthy();
    expect(screen.queryByLabelText("Gamma position on Tariff")).toBeNull();
  });

  it("marks ranges and disputed numbers and names their sources in the tooltip", () => {
    const { container } = render(<Editor initial={scenario()} />);
    const alpha = container.querySelector('[data-cell="a|x"]') as HTMLElement;
    const range = within(alpha).getByText("10–30");
    expect(range.getAttribute("title")).toContain("First analysis");
    expect(within(alpha).getByRole("tooltip", { hidden: true }).textContent).toContain(
      "plausible range 10–30",
    );
    const beta = container.querySelector('[data-cell="b|x"]') as HTMLElement;
    const disputed = within(beta).getByText("disputed 70–90");
    expect(disputed.getAttribute("title")).toBe(
      "80: sources disagree\n• 70 — First analysis: hawkish\n• 90 — Second analysis",
    );
    expect(disputed.tabIndex).toBe(0);
  });

  it("shows a bad salience's path and message beside the cell and in the list", () => {
    render(<Editor initial={scenario()} />);
    expect(screen.getByTestId("validation-ok")).toBeTruthy();
    const input = screen.getByLabelText<HTMLInputElement>("Alpha salience on Tariff");
    fireEvent.change(input, { target: { value: "130" } });

    expect(input.getAttribute("aria-invalid")).toBe("true");
    const inline = document.getElementById(input.getAttribute("aria-describedby") ?? "");
    expect(inline?.textContent).toMatch(/stances\.0\.salience.*130/);

    const list = screen.getByRole("region", { name: "1 problem in the draft" });
    const link = within(list).getByRole("link", { name: "stances.0.salience" });
    expect(list.textContent).toMatch(/stances\.0\.salience: .*130/);
    fireEvent.click(link);
    expect(document.activeElement).toBe(input);

    fireEvent.change(input, { target: { value: "60" } });
    expect(input.getAttribute("aria-invalid")).toBe("false");
    expect(screen.getByTestId("validation-ok")).toBeTruthy();
  });

  it("moves a range with its value, keystroke by keystroke, from where the edit began", () => {
    const { container } = render(<Editor initial={scenario()} />);
    const input = screen.getByLabelText<HTMLInputElement>("Alpha position on Tariff");
    fireEvent.focus(input);
    for (const typed of ["9", "95", "9", "", "2", "25"]) {
      fireEvent.change(input, { target: { value: typed } });
    }
    const cell = container.querySelector('[data-cell="a|x"]') as HTMLElement;
    expect(within(cell).getByText("15–35")).toBeTruthy();
    expect(screen.getByTestId("validation-ok")).toBeTruthy();
  });

  it("moves a disputed position's estimates together and keeps what is being typed", () => {
    render(<Editor initial={scenario()} />);
    const input = screen.getByLabelText<HTMLInputElement>("Beta position on Tariff");
    fireEvent.change(input, { target: { value: "60" } });
    expect(screen.getByText("disputed 50–70")).toBeTruthy();
    fireEvent.change(input, { target: { value: "6." } });
    expect(input.value).toBe("6.");
    fireEvent.change(input, { target: { value: "abc" } });
    expect(input.value).toBe("abc");
    expect(input.getAttribute("aria-invalid")).toBe("true");
  });

  it("adds and removes stances", () => {
    render(<Editor initial={scenario()} />);
    fireEvent.click(screen.getByRole("button", { name: "Add a stance for Gamma on Tariff" }));
    expect(screen.getByLabelText<HTMLInputElement>("Gamma position on Tariff").value).toBe("50");
    fireEvent.click(screen.getByRole("button", { name: "Remove the stance of Alpha on Quota" }));
    expect(screen.queryByLabelText("Alpha position on Quota")).toBeNull();
  });
});
