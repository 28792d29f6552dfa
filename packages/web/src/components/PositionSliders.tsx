import { fmt, type IssueActor } from "@entente/charts";
import type { Issue } from "@entente/core";
import { useEffect, useRef, useState } from "react";

/** Props of {@link PositionSliders}. */
export interface PositionSlidersProps {
  issue: Issue;
  actors: readonly IssueActor[];
  /** A slider takes the focus: a new run of moves starts. */
  onStart: () => void;
  /** Each step of a slider: preview the forecasts. */
  onPreview: (actor: string, position: number) => void;
  /** The slider came to rest: write the position into the draft. */
  onCommit: (actor: string, position: number) => void;
}

/** The keyboard way to move actors: one labelled slider per actor on the issue. */
export function PositionSliders(props: PositionSlidersProps) {
  const { issue, actors, onStart, onPreview, onCommit } = props;
  const pending = useRef<{ actor: string; x: number; timer: ReturnType<typeof setTimeout> }>(
    undefined,
  );
  // The slider's own position until it is committed: the previews answer asynchronously,
  // and a key press read from a stale value would be lost.
  const [held, setHeld] = useState<{ actor: string; x: number }>();
  const flush = () => {
    const p = pending.current;
    if (!p) return;
    clearTimeout(p.timer);
    pending.current = undefined;
    setHeld(undefined);
    onCommit(p.actor, p.x);
  };
  const flushRef = useRef(flush);
  flushRef.current = flush;
  useEffect(() => () => flushRef.current(), []);

  const { min, max } = issue.scale;
  const step = (max - min) / 200;
  return (
    <details className="sliders">
      <summary>Move actors with the keyboard</summary>
      <div className="slider-grid">
        {actors.map((a) => {
          const id = `slider-${issue.id}-${a.id}`;
          const position = held?.actor === a.id ? held.x : a.position;
          return (
            <div key={a.id} className="slider-row">
              <label htmlFor={id}>{a.name}</label>
              <input
                id={id}
                type="range"
                min={min}
                max={max}
                step={step}
                value={position}
                aria-valuetext={`${fmt(position)} of ${min}–${max}`}
                onChange={(e) => {
                  const x = Math.round(Number(e.target.value) * 10) / 10;
                  setHeld({ actor: a.id, x });
                  onPreview(a.id, x);
                  if (pending.current) clearTimeout(pending.current.timer);
                  pending.current = { actor: a.id, x, timer: setTimeout(flush, 400) };
                }}
                onFocus={onStart}
                onKeyUp={flush}
                onPointerUp={flush}
                onBlur={flush}
              />
              <output htmlFor={id}>{fmt(position)}</output>
            </div>
          );
        })}
      </div>
    </details>
  );
}
