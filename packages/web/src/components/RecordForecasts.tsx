import type { RecordedForecasts, ScenarioSummary } from "entente/wire-types";
import { useId, useState } from "react";
import { ledgerApi } from "../api/ledger-api.ts";

/** Props of {@link RecordForecasts}. */
export interface RecordForecastsProps {
  /** The stored scenarios (undefined while they load). */
  scenarios: readonly ScenarioSummary[] | undefined;
  /** Called after the server recorded the forecasts. */
  onRecorded: (result: RecordedForecasts) => void;
}

/** A whole number typed into an optional box, or undefined when the box is empty. */
function optionalWhole(text: string): number | undefined {
  const t = text.trim();
  return t === "" ? undefined : Number(t);
}

/**
 * "Record forecasts": pick a stored scenario and have the server simulate it and write every
 * question's probability per model, the sources' figures and each issue's distribution to the
 * ledger; busy while it runs, and the server's error if it fails.
 */
export function RecordForecasts({ scenarios, onRecorded }: RecordForecastsProps) {
  const ids = useId();
  const [chosen, setChosen] = useState<string | undefined>();
  const [samples, setSamples] = useState("");
  const [seed, setSeed] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<{ scenario: string; result: RecordedForecasts } | undefined>();
  const scenario = chosen ?? scenarios?.[0]?.id;

  const record = async () => {
    if (!scenario) return;
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const s = optionalWhole(samples);
      const r = optionalWhole(seed);
      const result = await ledgerApi.record({
        scenario,
        ...(s === undefined ? {} : { samples: s }),
        ...(r === undefined ? {} : { seed: r }),
      });
      setDone({ scenario, result });
      onRecorded(result);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (scenarios?.length === 0) {
    return (
      <p className="empty">
        No stored scenarios to record forecasts from: <a href="#/">open the scenario list</a> and
        start from the built-in Budapest scenario.
      </p>
    );
  }
  return (
    <>
      <form
        className="sim-form"
        aria-busy={busy}
        onSubmit={(e) => {
          e.preventDefault();
          void record();
        }}
      >
        <label htmlFor={`${ids}-scenario`}>Scenario</label>
        <select
          id={`${ids}-scenario`}
          value={scenario ?? ""}
          disabled={!scenarios || busy}
          onChange={(e) => setChosen(e.target.value)}
        >
          {(scenarios ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.title} (revision {s.latestRevision})
            </option>
          ))}
        </select>
        <label htmlFor={`${ids}-samples`}>Samples</label>
        <input
          id={`${ids}-samples`}
          type="number"
          min={1}
          step={1}
          placeholder="default"
          value={samples}
          disabled={busy}
          onChange={(e) => setSamples(e.target.value)}
        />
        <label htmlFor={`${ids}-seed`}>Seed</label>
        <input
          id={`${ids}-seed`}
          type="number"
          min={0}
          step={1}
          placeholder="default"
          value={seed}
          disabled={busy}
          onChange={(e) => setSeed(e.target.value)}
        />
        <button type="submit" className="primary" disabled={busy || !scenario}>
          {busy ? "Recording…" : "Record forecasts"}
        </button>
      </form>
      <div aria-live="polite" data-testid="record-status">
        {busy && <p className="loading">Simulating and recording… this takes a few seconds.</p>}
        {done && (
          <p className="ok">
            Recorded {done.result.recorded} forecasts from <code>{done.scenario}</code>; the chain's
            head is now entry {done.result.head.seq}.
          </p>
        )}
        {error && (
          <p className="error" role="alert">
            Recording failed: {error}
          </p>
        )}
      </div>
    </>
  );
}
