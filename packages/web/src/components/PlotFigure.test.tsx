// @vitest-environment happy-dom
import * as Plot from "@observablehq/plot";
import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PlotFigure } from "./PlotFigure.tsx";

afterEach(cleanup);

const options = (n: number): Plot.PlotOptions => ({
  width: 300,
  height: 120,
  marks: [
    Plot.dot(
      Array.from({ length: n }, (_, i) => ({ x: i, y: i })),
      { x: "x", y: "y" },
    ),
  ],
});

describe("PlotFigure", () => {
  it("appends the chart, hands it to onRender, and removes it on unmount", () => {
    const onRender = vi.fn();
    const { container, unmount } = render(<PlotFigure options={options(3)} onRender={onRender} />);
    const svg = container.querySelector("svg");
    expect(svg).not.toBeNull();
    expect(container.querySelectorAll("circle")).toHaveLength(3);
    expect(onRender).toHaveBeenCalledTimes(1);
    expect(onRender.mock.calls[0]?.[0]).toBe(svg);
    unmount();
    expect(svg?.isConnected).toBe(false);
  });

  it("replaces the chart when the options change, and keeps it when they do not", () => {
    const first = options(2);
    const { container, rerender } = render(<PlotFigure options={first} />);
    const before = container.querySelector("svg");
    rerender(<PlotFigure options={first} />);
    expect(container.querySelector("svg")).toBe(before);
    rerender(<PlotFigure options={options(5)} />);
    expect(container.querySelectorAll("svg")).toHaveLength(1);
    expect(container.querySelector("svg")).not.toBe(before);
    expect(container.querySelectorAll("circle")).toHaveLength(5);
  });
});
