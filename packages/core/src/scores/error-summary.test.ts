import { describe, expect, it } from "vitest";
import { summariseErrors } from "./error-summary.ts";

describe("summariseErrors", () => {
  it("gives n, mean and median of absolute errors", () => {
    expect(summariseErrors([1, -3, 2])).toEqual({ n: 3, mae: 2, medianAE: 2 });
    expect(summariseErrors([1, 2, 3, 10])).toEqual({ n: 4, mae: 4, medianAE: 2.5 });
  });

  it("is NaN for no errors", () => {
    const s = summariseErrors([]);
    expect(s.n).toBe(0);
    expect(s.mae).toBeNaN();
  });
});
