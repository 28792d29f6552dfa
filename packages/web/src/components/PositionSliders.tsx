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
  // The slider's own position until the actors it is given show the committed move: previews
  // and commits answer asynchronously, and a key press read from a stale value would be lost.
  // `from` is the position it was given when the move was committed; any change of it (the
  // move arriving, or a reset) hands the slider back to its props.
  const [held, setHeld] = useState<{ actor: string; x: number; from?: number }>();
  const flush = () => {
    const p = pending.current;
    if (!p) return;
    clearTimeout(p.timer);
    pending.current = undefined;
    const from = actors.find((a) => a.id === p.actor)?.position;
    setHeld({ actor: p.actor, x: p.x, ...(from === undefined ? {} : { from }) });
    onCommit(p.actor, p.x);
  };
  const flushRef = useRef(flush);
  flushRef.current = flush;
  useEffect(() => () => flushRef.current(), []);
  useEffect(() => {
    if (!held || held.from === undefined || pending.current) return;
    const given = actors.find((a) => a.id === held.actor)?.position;
    if (given === held.x || given !== held.from) setHeld(undefined);
  }, [actors, held]);

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
