import { describe, expect, it } from "vitest";
import { spreadLabels } from "./DynamicsView.tsx";

describe("spreadLabels (Dynamics end labels)", () => {
  it("pushes coinciding labels apart by the gap, keeping their order", () => {
    expect(spreadLabels([50, 50, 50, 10], 4, 0, 100)).toEqual([50, 54, 58, 10]);
  });
  it("keeps labels that do not collide where they are", () => {
    expect(spreadLabels([10, 30, 90], 4, 0, 100)).toEqual([10, 30, 90]);
  });
  it("shifts a stack that runs past the top back down inside the scale", () => {
    const out = spreadLabels([100, 100, 100], 5, 0, 100);
    expect(out).toEqual([90, 95, 100]);
    expect(Math.min(...out)).toBeGreaterThanOrEqual(0);
  });
});
