import * as Plot from "@observablehq/plot";
import { useEffect, useRef } from "react";

/** A rendered plot: an SVG, or a figure holding legends and the SVG, with its scales. */
export type PlotElement = ReturnType<typeof Plot.plot>;

/** Props of {@link PlotFigure}. */
export interface PlotFigureProps {
  /** The Plot options; a new object redraws the chart, so memoise it. */
  options: Plot.PlotOptions;
  /** Called with the chart after it is in the page (e.g. to read its scales for dragging). */
  onRender?: (plot: PlotElement) => void;
  className?: string;
}

/**
 * Observable Plot inside React: each render of new options appends `Plot.plot(options)` to a
 * container and the cleanup removes it, so React never touches the SVG Plot owns.
 */
export function PlotFigure({ options, onRender, className }: PlotFigureProps) {
  const ref = useRef<HTMLDivElement>(null);
  const onRenderRef = useRef(onRender);
  onRenderRef.current = onRender;
  useEffect(() => {
    const plot = Plot.plot(options);
    ref.current?.append(plot);
    onRenderRef.current?.(plot);
    return () => plot.remove();
  }, [options]);
  return <div ref={ref} className={className ?? "plot"} />;
}
