import type { ModelInfo, ServerHealth } from "entente/wire-types";
import { useEffect, useState } from "react";
import { serverApi } from "../api/server-api.ts";
import { useRoute } from "../route.ts";
import { adoptServerModels } from "../server-models.ts";
import { DraftView } from "./DraftView.tsx";
import { LedgerPage } from "./LedgerPage.tsx";
import { NewScenario } from "./NewScenario.tsx";
import { ScenarioList } from "./ScenarioList.tsx";
import { ScenarioWorkspace } from "./ScenarioWorkspace.tsx";

/**
 * The workbench: the scenario list, the forecast ledger, a new scenario (from nothing or drafted
 * from articles), or one scenario's workspace, chosen by the URL hash.
 */
export function App() {
  const route = useRoute();
  const [models, setModels] = useState<ModelInfo[]>([]);
  const [server, setServer] = useState<ServerHealth | undefined>();
  const [offline, setOffline] = useState<string | undefined>();

  useEffect(() => {
    serverApi.models().then(
      (listed) => {
        // Plug-in models the server has and this bundle lacks join the registry, so that
        // colours and marks (which derive from it) cover them.
        adoptServerModels(listed);
        setModels(listed);
      },
      (e: Error) => setOffline(e.message),
    );
    serverApi.health().then(setServer, (e: Error) => setOffline(e.message));
  }, []);

  return (
    <div className="app">
      <header className="app-header">
        <a className="brand" href="#/">
          Entente <span>workbench</span>
        </a>
        <nav className="app-nav" aria-label="Pages">
          <a href="#/" aria-current={route.page === "list" ? "page" : undefined}>
            Scenarios
          </a>
          <a href="#/ledger" aria-current={route.page === "ledger" ? "page" : undefined}>
            Ledger
          </a>
        </nav>
        <span className="server-status" role="status">
          {offline
            ? `server unreachable: ${offline}`
            : server
              ? `server ${server.version} · ${models.length} models`
              : "connecting…"}
        </span>
      </header>
      <main>
        {route.page === "list" ? (
          <ScenarioList />
        ) : route.page === "ledger" ? (
          <LedgerPage />
        ) : route.page === "new" ? (
          <NewScenario />
        ) : route.page === "draft" ? (
          <DraftView />
        ) : (
          <ScenarioWorkspace
            key={route.id}
            id={route.id}
            tab={route.tab}
            {...(route.revision === undefined ? {} : { revision: route.revision })}
            models={models}
          />
        )}
      </main>
    </div>
  );
}
