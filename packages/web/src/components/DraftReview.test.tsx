// @vitest-environment happy-dom
import type { Scenario, SourceEstimate } from "@entente/core";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DraftReview } from "./DraftReview.tsx";

afterEach(cleanup);

const TALKS = "Harbour talks open";
const said = (value: number, quote: string, note?: string): SourceEstimate[] => [
  { value, source: "talks", ...(note ? { note } : {}), quote },
];

/**
 * A small machine draft: three actors on one issue, one source, one refused number (with the
 * port authority's position at `authorityPosition`).
 */
function harbourDraft(authorityPosition = 40): Scenario {
  return {
    id: "harbour",
    title: "Draft from 1 article",
    asOf: "2025-05-01",
    sources: [{ id: "talks", title: TALKS, locator: "harbour-talks.md" }],
    actors: [
      { id: "union", name: "Dockworkers' union", capability: said(50, "the dockworkers' union") },
      { id: "authority", name: "Port authority", capability: said(60, "controls the budget") },
      { id: "city", name: "City hall", capability: said(70, "has the final word") },
    ],
    issues: [
      {
        id: "automation",
        title: "Pause on new cranes",
        scale: { min: 0, max: 100, minLabel: "No pause", maxLabel: "Freeze until 2030" },
        statusQuo: said(10, "automation goes ahead"),
      },
    ],
    stances: [
      {
        actor: "union",
        issue: "automation",
        position: said(100, "a complete freeze", "Far end of the scale"),
        salience: said(95, "a matter of survival"),
      },
      {
        actor: "authority",
        issue: "automation",
        position: said(authorityPosition, "no more than a two-year pause"),
        salience: said(70, "it will accept no more"),
      },
      {
        actor: "city",
        issue: "automation",
        position: said(40, "leans toward the authority"),
        salience: said(30, "cares more about the budget talks"),
      },
    ],
    draft: {
      model: "scripted",
      dropped: [
        {
          source: "talks",
          item: "position of union on automation",
          value: 90,
          quote: "never accept any pause",
          reason: "quote not found in the source",
        },
      ],
      review: ["shock strike: the size of its effects is the model's reading; check it"],
    },
  };
}

const saveButton = () => screen.getByRole("button", { name: "Save as new scenario" });

describe("DraftReview", () => {
  it("shows each number beside its quote, and what the server refused", () => {
    render(<DraftReview draft={harbourDraft()} onSave={vi.fn()} />);
    const value = screen.getByLabelText(`position of union on automation from ${TALKS}`);
    expect((value as HTMLInputElement).value).toBe("100");
    const row = value.closest("tr") as HTMLElement;
    expect(within(row).getByText("a complete freeze").tagName).toBe("BLOCKQUOTE");
    expect(within(row).getByText("Far end of the scale")).toBeTruthy();
    const groups = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(groups.slice(0, 3)).toEqual([
      "Capabilities (3)",
      "Status quos (1)",
      "Stances (positions and saliences) (6)",
    ]);
    const dropped = screen.getByRole("region", { name: "Not in the draft (1)" });
    expect(
      within(dropped).getByRole("row", { name: /position of union on automation/ }).textContent,
    ).toContain("quote not found in the source");
    expect(screen.getByText(/the size of its effects/)).toBeTruthy();
  });

  it("saves every number accepted, with the edited value, and without the draft block", async () => {
    const onSave = vi.fn(async (_: Scenario) => {});
    render(<DraftReview draft={harbourDraft()} onSave={onSave} />);
    expect(saveButton()).toHaveProperty("disabled", true);
    fireEvent.change(screen.getByLabelText(`position of authority on automation from ${TALKS}`), {
      target: { value: "45" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Accept all 10 undecided" }));
    expect(screen.getByTestId("review-count").textContent).toBe(
      "10 of 10 numbers decided: 10 accepted, 0 rejected.",
    );
    fireEvent.change(screen.getByLabelText("Scenario title"), {
      target: { value: "Harbour talks" },
    });
    fireEvent.click(saveButton());
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));

    const { draft: _, ...expected } = { ...harbourDraft(45), title: "Harbour talks" };
    expect(onSave.mock.calls[0]?.[0]).toEqual(expected);
  });

  it("takes out a stance whose salience is rejected, and the actor left without a stance", async () => {
    const onSave = vi.fn(async (_: Scenario) => {});
    render(<DraftReview draft={harbourDraft()} onSave={onSave} />);
    const reject = screen.getByRole("button", {
      name: `Reject salience of city on automation from ${TALKS}`,
    });
    fireEvent.click(reject);
    expect(reject.getAttribute("aria-pressed")).toBe("true");
    expect((reject.closest("tr") as HTMLElement).textContent).toContain("rejected");
    fireEvent.click(screen.getByRole("button", { name: "Accept all 9 undecided" }));
    expect(screen.getByText(/Saving also removes/).closest("div")?.textContent).toContain(
      "stance of city on automation: no source's salience was grounded",
    );
    fireEvent.click(saveButton());
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));

    const saved = onSave.mock.calls[0]?.[0] as Scenario;
    expect(saved.stances.map((s) => s.actor)).toEqual(["union", "authority"]);
    expect(saved.actors.map((a) => a.id)).toEqual(["union", "authority"]);
    expect(saved.draft).toBeUndefined();
  });

  it("lists the validation problems instead of saving an invalid scenario", async () => {
    const onSave = vi.fn(async (_: Scenario) => {});
    render(<DraftReview draft={harbourDraft()} onSave={onSave} />);
    fireEvent.click(screen.getByRole("button", { name: "Accept all 10 undecided" }));
    fireEvent.change(screen.getByLabelText("Scenario id"), { target: { value: "Not an id!" } });
    fireEvent.click(saveButton());
    const problems = await screen.findByRole("region", { name: /not valid yet/ });
    expect(within(problems).getByRole("listitem").textContent).toMatch(/^id: /);
    expect(onSave).not.toHaveBeenCalled();
  });

  it("shows why the server refused the save", async () => {
    const onSave = vi.fn(async (_: Scenario) => {
      throw new Error("a scenario with id harbour already exists");
    });
    render(<DraftReview draft={harbourDraft()} onSave={onSave} />);
    fireEvent.click(screen.getByRole("button", { name: "Accept all 10 undecided" }));
    fireEvent.click(saveButton());
    expect((await screen.findByRole("alert")).textContent).toBe(
      "a scenario with id harbour already exists",
    );
  });
});
