import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  categoricalIssue,
  decodeOutcome,
  describeOutcome,
  encodeOutcome,
  gridIssue,
  gridValues,
  outcomeSpace,
  statusQuoOptions,
  statusQuoOutcome,
} from "./outcome-space.ts";

describe("outcome spaces", () => {
  it("grids: evenly spaced with exact ends, explicit values sorted, status quo added", () => {
    expect(Array.from(gridValues(0, 100, 11))).toEqual([
      0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100,
    ]);
    expect(Array.from(gridValues(4, 10, 4))).toEqual([4, 6, 8, 10]);
    const issue = gridIssue({ id: "t", min: 0, max: 100, grid: 5, statusQuo: 40 });
    expect(Array.from(issue.values as Float64Array)).toEqual([0, 25, 40, 50, 75, 100]);
    expect(issue.labels).toEqual(["0", "25", "40", "50", "75", "100"]);
    const plain = gridIssue({
      id: "t",
      min: 0,
      max: 100,
      grid: 5,
      statusQuo: 40,
      statusQuoOnGrid: false,
    });
    expect(plain.labels).toHaveLength(5);
    expect(gridIssue({ id: "t", min: 0, max: 10, grid: [10, 0, 5, 5] }).labels).toEqual([
      "0",
      "5",
      "10",
    ]);
  });

  it("rejects bad grids with what is allowed", () => {
    expect(() => gridValues(0, 100, 1)).toThrow("expected at least 2 points per issue, got 1");
    expect(() => gridValues(5, 5, 3)).toThrow("min < max");
    expect(() => gridIssue({ id: "t", min: 0, max: 10, grid: [11] })).toThrow(
      'issue "t": grid value 11 is outside the scale 0–10',
    );
    expect(() => gridIssue({ id: "t", min: 0, max: 10, grid: 3, statusQuo: -1 })).toThrow(
      "status quo -1",
    );
    expect(() => categoricalIssue({ id: "c", labels: ["a"], statusQuo: 1 })).toThrow(
      "not one of 0–0",
    );
    expect(() => outcomeSpace([])).toThrow("at least one issue");
  });

  it("encodes outcomes in mixed radix, issue 0 most significant; decode inverts encode", () => {
    const space = outcomeSpace([
      categoricalIssue({ id: "a", labels: ["x", "y"] }),
      categoricalIssue({ id: "b", labels: ["p", "q", "r"] }),
      gridIssue({ id: "c", min: 0, max: 1, grid: 4 }),
    ]);
    expect(space.size).toBe(24);
    expect(Array.from(space.strides)).toEqual([12, 4, 1]);
    expect(encodeOutcome(space, [1, 2, 3])).toBe(23);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), (i) => {
        expect(encodeOutcome(space, decodeOutcome(space, i))).toBe(i);
      }),
    );
    expect(describeOutcome(space, 23)).toEqual([
      { issue: "a", option: 1, label: "y", value: undefined },
      { issue: "b", option: 2, label: "r", value: undefined },
      { issue: "c", option: 3, label: "1", value: 1 },
    ]);
    expect(() => encodeOutcome(space, [0, 3, 0])).toThrow('option 3 of issue "b" is not 0–2');
  });

  it("finds the status-quo package when every issue has a status-quo option", () => {
    const a = categoricalIssue({ id: "a", labels: ["x", "y"], statusQuo: 1 });
    const c = gridIssue({ id: "c", min: 0, max: 10, grid: 3, statusQuo: 5 });
    expect(statusQuoOutcome(outcomeSpace([a, c]))).toBe(4);
    const off = gridIssue({
      id: "c",
      min: 0,
      max: 10,
      grid: 3,
      statusQuo: 4,
      statusQuoOnGrid: false,
    });
    expect(Array.from(statusQuoOptions(outcomeSpace([a, off])))).toEqual([1, -1]);
    expect(statusQuoOutcome(outcomeSpace([a, off]))).toBeUndefined();
  });
});
