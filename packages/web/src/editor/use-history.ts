import { useCallback, useEffect, useRef, useState } from "react";

/** Edits closer together than this (ms) on the same field are undone together. */
export const COALESCE_MS = 800;

/** A value with undo and redo, for the editor's draft. */
export interface History<T> {
  value: T;
  /** Make `next` the value. Successive edits with the same `group` within COALESCE_MS are one step. */
  set: (next: T | ((current: T) => T), group?: string) => void;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  /** Start afresh at `value` (a load or a save): no undo past it. */
  reset: (value: T) => void;
}

interface State<T> {
  past: T[];
  value: T;
  future: T[];
}

/**
 * Undo and redo within the session. Typing into one field is one step (edits to the same
 * `group` coalesce); Ctrl/⌘+Z undoes and Ctrl/⌘+Shift+Z or Ctrl+Y redoes when the focus is
 * not in a text box (there the browser undoes the typing itself).
 */
export function useHistory<T>(initial: T, limit = 200): History<T> {
  const [state, setState] = useState<State<T>>({ past: [], value: initial, future: [] });
  const last = useRef<{ group: string; at: number } | undefined>(undefined);

  const set = useCallback(
    (next: T | ((current: T) => T), group?: string) => {
      const now = Date.now();
      const coalesce =
        group !== undefined && last.current?.group === group && now - last.current.at < COALESCE_MS;
      last.current = group === undefined ? undefined : { group, at: now };
      setState((s) => {
        const value = typeof next === "function" ? (next as (c: T) => T)(s.value) : next;
        if (Object.is(value, s.value)) return s;
        const past = coalesce ? s.past : [...s.past, s.value].slice(-limit);
        return { past, value, future: [] };
      });
    },
    [limit],
  );
  const undo = useCallback(() => {
    last.current = undefined;
    setState((s) => {
      const prev = s.past[s.past.length - 1];
      if (s.past.length === 0) return s;
      return { past: s.past.slice(0, -1), value: prev as T, future: [s.value, ...s.future] };
    });
  }, []);
  const redo = useCallback(() => {
    last.current = undefined;
    setState((s) => {
      if (s.future.length === 0) return s;
      const [next, ...future] = s.future;
      return { past: [...s.past, s.value], value: next as T, future };
    });
  }, []);
  const reset = useCallback((value: T) => {
    last.current = undefined;
    setState({ past: [], value, future: [] });
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable]")) return;
      const key = e.key.toLowerCase();
      if (key === "z" && !e.shiftKey) {
        e.preventDefault();
        undo();
      } else if ((key === "z" && e.shiftKey) || key === "y") {
        e.preventDefault();
        redo();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [undo, redo]);

  return {
    value: state.value,
    set,
    undo,
    redo,
    canUndo: state.past.length > 0,
    canRedo: state.future.length > 0,
    reset,
  };
}
