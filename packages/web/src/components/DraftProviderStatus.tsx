import type { DraftProviderInfo } from "entente/wire-types";

/** What the workbench knows of the server's language-model provider. */
export type ProviderState =
  | { kind: "loading" }
  | { kind: "known"; info: DraftProviderInfo }
  | { kind: "unreachable"; error: string };

/**
 * Which language model drafts the articles (and where they are sent), or why drafting is off
 * and how to configure a provider on the server.
 */
export function DraftProviderStatus({ provider }: { provider: ProviderState }) {
  if (provider.kind === "loading") {
    return <p className="loading">Checking the server's language-model provider…</p>;
  }
  if (provider.kind === "unreachable") {
    return (
      <p className="error" role="alert" data-testid="draft-provider">
        Could not ask the server for its language-model provider: {provider.error}
      </p>
    );
  }
  const { info } = provider;
  if (info.configured) {
    return (
      <p className="ok" data-testid="draft-provider">
        Drafting with the model <strong>{info.model ?? "(unnamed)"}</strong>
        {info.baseUrl && (
          <>
            {" "}
            at <code>{info.baseUrl}</code>
          </>
        )}
        : the articles are sent there, one request per article.
      </p>
    );
  }
  return (
    <div className="notice" data-testid="draft-provider">
      <p>
        <strong>No language-model provider is configured on the server</strong>, so drafting is off
        and nothing is sent anywhere.
      </p>
      {info.help && <pre className="provider-help">{info.help}</pre>}
    </div>
  );
}
