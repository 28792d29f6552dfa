import { navigate, TABS, type Tab } from "../route.ts";

/** Props of {@link WorkspaceTabs}. */
export interface WorkspaceTabsProps {
  /** The scenario's id. */
  id: string;
  /** The tab shown. */
  tab: Tab;
  /** The old revision opened, kept across tabs; the latest when absent. */
  revision: number | undefined;
}

/**
 * The workspace's views as tabs: each a link to its route (keeping the revision opened); the
 * left and right arrow keys move to the neighbouring tab.
 */
export function WorkspaceTabs({ id, tab, revision }: WorkspaceTabsProps) {
  const go = (next: Tab) =>
    navigate({ page: "scenario", id, tab: next, ...(revision === undefined ? {} : { revision }) });
  return (
    <div role="tablist" aria-label="Views" className="tabs">
      {TABS.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={`tab-${t.id}`}
          aria-selected={t.id === tab}
          aria-controls={`panel-${t.id}`}
          tabIndex={t.id === tab ? 0 : -1}
          onClick={() => go(t.id)}
          onKeyDown={(e) => {
            const k = TABS.findIndex((x) => x.id === tab);
            const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
            if (!step) return;
            const next = TABS[(k + step + TABS.length) % TABS.length] as (typeof TABS)[number];
            go(next.id);
            requestAnimationFrame(() => document.getElementById(`tab-${next.id}`)?.focus());
          }}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
