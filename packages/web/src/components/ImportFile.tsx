import type { ApiErrorItem } from "entente/wire-types";
import { useRef, useState } from "react";
import { ApiRequestError } from "../api/api-request-error.ts";
import { scenarioApi } from "../api/scenario-api.ts";
import { navigate } from "../route.ts";

/** Largest file read in the browser (the server's own limit is 5 MB). */
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Import a file as a new scenario, picked or dropped: a scenario (YAML/JSON), a KTAB CSV or XML
 * file, or an EUM table. The server runs the same importers as `entente import` and answers
 * with the new scenario, or with every problem at its line and column.
 */
export function ImportFile() {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [id, setId] = useState("");
  const [busy, setBusy] = useState<string | undefined>();
  const [failure, setFailure] = useState<{
    file: string;
    message: string;
    errors: ApiErrorItem[];
  }>();

  const upload = async (file: File) => {
    setFailure(undefined);
    if (file.size > MAX_BYTES) {
      setFailure({ file: file.name, message: `${file.name} is larger than 5 MB`, errors: [] });
      return;
    }
    setBusy(file.name);
    try {
      const text = await file.text();
      const created = await scenarioApi.importFile(file.name, text, id.trim() || undefined);
      navigate({ page: "scenario", id: created.scenarioId, tab: "issues" });
    } catch (e) {
      const errors = e instanceof ApiRequestError ? e.errors : [];
      const conflict = e instanceof ApiRequestError && e.status === 409;
      setFailure({
        file: file.name,
        message: conflict
          ? `${(e as Error).message.replace(/^409: /, "")} — type another id above and import again`
          : errors.length > 0
            ? `${file.name} could not be imported:`
            : String((e as Error).message),
        errors: conflict ? [] : errors,
      });
    } finally {
      setBusy(undefined);
      if (input.current) input.current.value = "";
    }
  };

  return (
    <section
      className={`import-zone${over ? " over" : ""}`}
      aria-labelledby="import-title"
      data-testid="import-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file) void upload(file);
      }}
    >
      <h2 id="import-title">Import a file</h2>
      <p className="hint">
        Drop a file here or choose one: an Entente scenario (YAML or JSON), a KTAB CSV or XML file,
        an expected-utility table (CSV/TSV with Actor, Capability, Position, Salience), or a decide
        exchange-model file ('#A', '#P', '#M' and '#D' lines).
      </p>
      <div className="toolbar">
        <label className="button">
          Choose a file…
          <input
            ref={input}
            type="file"
            className="visually-hidden"
            accept=".yaml,.yml,.json,.csv,.tsv,.txt,.xml"
            aria-label="File to import"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void upload(file);
            }}
          />
        </label>
        <label>
          Id for the new scenario{" "}
          <input
            type="text"
            className="field-input"
            value={id}
            placeholder="(the file's own)"
            aria-label="Id for the imported scenario"
            onChange={(e) => setId(e.target.value)}
          />
        </label>
      </div>
      {busy && <p role="status">Importing {busy}…</p>}
      {failure && (
        <div className="error" role="alert" data-testid="import-error">
          <p>{failure.message}</p>
          {failure.errors.length > 0 && (
            <ul>
              {failure.errors.map((e) => (
                <li key={`${e.line}:${e.col}:${e.path}:${e.message}`}>
                  <code>
                    {failure.file}
                    {e.line !== undefined ? `:${e.line}:${e.col ?? 1}` : ""}
                  </code>{" "}
                  {e.path && !e.path.startsWith("(") && <code>{e.path}</code>} {e.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
