import { modelColor } from "@entente/charts";
import { models } from "@entente/core";
import { describe, expect, it } from "vitest";
import { forecasterColor, forecasterModel } from "./forecaster-color.ts";

describe("forecasterModel", () => {
  it("strips the calibration that grouping by model adds", () => {
    expect(forecasterModel("eum · calibration of 2025-10-01 on DEU III")).toBe("eum");
    expect(forecasterModel("seed-003")).toBe("seed-003");
  });
});

describe("forecasterColor", () => {
  it("gives a model its workbench colour, with or without the calibration", () => {
    expect(forecasterColor("compromise", "model")).toBe(modelColor("compromise"));
    expect(forecasterColor("eum · none", "model")).toBe(modelColor("eum"));
  });

  it("gives sources and analysts their own colours, none of them a model's", () => {
    const others = ["seed-001", "seed-003", "Jane Doe"];
    const colors = others.map((n, i) => forecasterColor(n, i < 2 ? "source" : "analyst", others));
    expect(new Set(colors).size).toBe(3);
    for (const c of colors) expect(models.map((m) => modelColor(m.id))).not.toContain(c);
  });
});
