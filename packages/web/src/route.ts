import { useEffect, useState } from "react";

/** The workbench's pages, kept in the URL hash so reloads and links land on the same view. */
export type Tab = "issues" | "editor" | "dynamics" | "uncertainty" | "deals";

export const TABS: ReadonlyArray<{ id: Tab; label: string }> = [
  { id: "issues", label: "Forecast & issues" },
  { id: "editor", label: "Editor" },
  { id: "dynamics", label: "Dynamics" },
  { id: "uncertainty", label: "Uncertainty" },
  { id: "deals", label: "Deals" },
];

/** A page of the workbench: the scenario list, the forecast ledger, or one scenario's tab. */
export type Route =
  | { page: "list" }
  | { page: "ledger" }
  | { page: "scenario"; id: string; tab: Tab; revision?: number };

/** `#/ledger` or `#/scenarios/<id>/<tab>?revision=<n>` → a route; anything else is the list. */
export function parseRoute(hash: string): Route {
  if (hash === "#/ledger") return { page: "ledger" };
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
  const rev = route.revision === undefined ? "" : `?revision=${route.revision}`;
  return `#/scenarios/${encodeURIComponent(route.id)}/${route.tab}${rev}`;
}

export function navigate(route: Route): void {
  window.location.hash = formatRoute(route);
}

/** The current route, following `hashchange`. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return route;
}
