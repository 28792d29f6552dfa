// @vitest-environment happy-dom

import type { IssueActor } from "@entente/charts";
import type { Issue } from "@entente/core";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PositionSliders } from "./PositionSliders.tsx";

afterEach(cleanup);

const issue: Issue = {
  id: "x",
  title: "Tariff",
  scale: { min: 0, max: 100, minLabel: "free", maxLabel: "closed" },
};
const actors: IssueActor[] = [
  { id: "a", name: "Alpha", position: 50, capability: 1, salience: 50, estimates: [] },
];

describe("PositionSliders", () => {
  it("keeps every step while the previews are still on their way, then commits the last", () => {
    const onPreview = vi.fn();
    const onCommit = vi.fn();
    // The actors never change here: the previews have not answered yet.
    render(
      <PositionSliders
        issue={issue}
        actors={actors}
        onStart={() => {}}
        onPreview={onPreview}
        onCommit={onCommit}
      />,
    );
    const slider = screen.getByLabelText("Alpha") as HTMLInputElement;
    fireEvent.change(slider, { target: { value: "50.5" } });
    expect(slider.value).toBe("50.5");
    fireEvent.change(slider, { target: { value: String(Number(slider.value) + 0.5) } });
    expect(onPreview.mock.calls).toEqual([
      ["a", 50.5],
      ["a", 51],
    ]);
    expect(slider.value).toBe("51");
    fireEvent.keyUp(slider);
    expect(onCommit).toHaveBeenCalledOnce();
    expect(onCommit).toHaveBeenCalledWith("a", 51);
  });
});
