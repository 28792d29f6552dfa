import { defaultSimulationModels } from "@entente/core";
import type { ModelInfo } from "entente/wire-types";
import { useId, useState } from "react";
import type { SimulateOptions } from "../api/run-api.ts";

/** Base samples of the sensitivity analysis (tornado and Sobol) when it is asked for. */
const SENSITIVITY_SAMPLES = 64;

/** Props of {@link SimulationForm}. */
export interface SimulationFormProps {
  /** The models the server lists, each a checkbox. */
  models: readonly ModelInfo[];
  /** A simulation is running: Start is disabled and Cancel shown. */
  running: boolean;
  /** The running simulation can be cancelled (the server has given it an id). */
  cancellable: boolean;
  onStart: (options: SimulateOptions) => void;
  onCancel: () => void;
}

/**
 * The options of a simulation — samples, seed, sensitivity, model error, the agreement check
 * and the models (by default the registry's `simulateByDefault` models the server lists) — and
 * the buttons to start one and cancel it.
 */
export function SimulationForm(props: SimulationFormProps) {
  const { models, running, cancellable, onStart, onCancel } = props;
  const ids = useId();
  const [samples, setSamples] = useState(2000);
  const [seed, setSeed] = useState(42);
  const [withSensitivity, setWithSensitivity] = useState(true);
  const [calibrated, setCalibrated] = useState(true);
  const [agreement, setAgreement] = useState(true);
  const [chosen, setChosen] = useState<string[] | undefined>();
  const selected =
    chosen ?? defaultSimulationModels().filter((id) => models.some((m) => m.id === id));

  return (
    <form
      className="sim-form"
      onSubmit={(e) => {
        e.preventDefault();
        onStart({
          samples,
          seed,
          models: selected,
          sensitivity: withSensitivity,
          sensitivitySamples: SENSITIVITY_SAMPLES,
          calibration: calibrated ? "default" : "none",
          agreement,
        });
      }}
    >
      <label htmlFor={`${ids}-samples`}>Samples</label>
      <input
        id={`${ids}-samples`}
        type="number"
        min={100}
        step={100}
        value={samples}
        onChange={(e) => setSamples(Math.max(1, Math.round(Number(e.target.value) || 0)))}
      />
      <label htmlFor={`${ids}-seed`}>Seed</label>
      <input
        id={`${ids}-seed`}
        type="number"
        min={0}
        value={seed}
        onChange={(e) => setSeed(Math.max(0, Math.round(Number(e.target.value) || 0)))}
      />
      <label className="check">
        <input
          type="checkbox"
          checked={withSensitivity}
          onChange={(e) => setWithSensitivity(e.target.checked)}
        />
        Sensitivity (tornado)
      </label>
      <label className="check" title="Each model's own error, learned from DEU III outcomes">
        <input
          type="checkbox"
          checked={calibrated}
          onChange={(e) => setCalibrated(e.target.checked)}
        />
        Model error (calibrated)
      </label>
      <label className="check" title="Each phase ends in an agreement only with its probability">
        <input
          type="checkbox"
          checked={agreement}
          onChange={(e) => setAgreement(e.target.checked)}
        />
        Agreement check
      </label>
      <fieldset>
        <legend>Models</legend>
        {models.map((m) => (
          <label key={m.id} className="check">
            <input
              type="checkbox"
              checked={selected.includes(m.id)}
              onChange={(e) =>
                setChosen(
                  e.target.checked ? [...selected, m.id] : selected.filter((x) => x !== m.id),
                )
              }
            />
            {m.label}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary" disabled={running || selected.length === 0}>
        Start simulation
      </button>
      {running && (
        <button type="button" onClick={onCancel} disabled={!cancellable}>
          Cancel
        </button>
      )}
    </form>
  );
}
