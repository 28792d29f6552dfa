import { useEffect, useRef, useState } from "react";

/** The workbench's pages, kept in the URL hash so reloads and links land on the same view. */
export type Tab = "issues" | "editor" | "dynamics" | "uncertainty" | "deals";

/** The tabs of a scenario's workspace, in order, with their labels. */
export const TABS: ReadonlyArray<{ id: Tab; label: string }> = [
  { id: "issues", label: "Forecast & issues" },
  { id: "editor", label: "Editor" },
  { id: "dynamics", label: "Dynamics" },
  { id: "uncertainty", label: "Uncertainty" },
  { id: "deals", label: "Deals" },
];

/**
 * A page of the workbench: the scenario list, the forecast ledger, a new scenario (from nothing
 * or drafted from articles), or one scenario's tab.
 */
export type Route =
  | { page: "list" }
  | { page: "ledger" }
  | { page: "new" }
  | { page: "draft" }
  | { page: "scenario"; id: string; tab: Tab; revision?: number };

/**
 * `#/ledger`, `#/new`, `#/draft` or `#/scenarios/<id>/<tab>?revision=<n>` → a route; anything
 * else is the list.
 */
export function parseRoute(hash: string): Route {
  if (hash === "#/ledger") return { page: "ledger" };
  if (hash === "#/new") return { page: "new" };
  if (hash === "#/draft") return { page: "draft" };
  const m = /^#\/scenarios\/([^/?]+)(?:\/([a-z]+))?(?:\?revision=(\d+))?$/.exec(hash);
  if (!m) return { page: "list" };
  const tab = TABS.find((t) => t.id === m[2])?.id ?? "issues";
  const revision = m[3] === undefined ? undefined : Number(m[3]);
  return {
    page: "scenario",
    id: decodeURIComponent(m[1] as string),
    tab,
    ...(revision === undefined ? {} : { revision }),
  };
}

/** A route → the URL hash that {@link parseRoute} reads back. */
export function formatRoute(route: Route): string {
  if (route.page === "list") return "#/";
  if (route.page === "ledger") return "#/ledger";
  if (route.page === "new") return "#/new";
  if (route.page === "draft") return "#/draft";
  const rev = route.revision === undefined ? "" : `?revision=${route.revision}`;
  return `#/scenarios/${encodeURIComponent(route.id)}/${route.tab}${rev}`;
}

/**
 * Go to `route`. With `discard`, the leave guard is not asked (the analyst already chose to
 * discard, or has just saved).
 */
export function navigate(route: Route, options: { discard?: boolean } = {}): void {
  if (options.discard) skipGuard = true;
  window.location.hash = formatRoute(route);
}
let skipGuard = false;

/** Asked before the route changes: a message to confirm, or undefined to let it change. */
export type LeaveGuard = (next: Route) => string | undefined;
let leaveGuard: LeaveGuard | undefined;

/**
 * While `guard` is given (a scenario with unsaved edits), ask it before every route change and
 * have the browser ask before the page is closed or reloaded.
 */
export function useLeaveGuard(guard: LeaveGuard | undefined): void {
  const latest = useRef(guard);
  latest.current = guard;
  const active = guard !== undefined;
  useEffect(() => {
    if (!active) return;
    const onUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    const mine: LeaveGuard = (next) => latest.current?.(next);
    window.addEventListener("beforeunload", onUnload);
    leaveGuard = mine;
    return () => {
      window.removeEventListener("beforeunload", onUnload);
      if (leaveGuard === mine) leaveGuard = undefined;
    };
  }, [active]);
}

/**
 * The current route, following `hashchange`. When a leave guard objects and the analyst does
 * not confirm, the address goes back to where it was and the page stays.
 */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    let current = window.location.hash;
    const onChange = () => {
      const next = parseRoute(window.location.hash);
      const message =
        window.location.hash === current || skipGuard ? undefined : leaveGuard?.(next);
      skipGuard = false;
      if (message !== undefined && !window.confirm(message)) {
        window.location.hash = current;
        return;
      }
      current = window.location.hash;
      setRoute(next);
    };
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return route;
}
