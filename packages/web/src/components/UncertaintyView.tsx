import { distributionPlotOptions, fmt, tornadoPlotOptions, tornadoRows } from "@entente/charts";
import { inputName, issueHeadline, percent, pointLabel, type Scenario } from "@entente/core";
import { type ReactNode, useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { api, type ModelInfo, type RunInfo, type RunRecord } from "../api.ts";
import { readSimulationResult, type SimulationResult } from "../simulation.ts";
import { IssuePicker } from "./IssuePicker.tsx";
import { PlotFigure } from "./PlotFigure.tsx";

export interface UncertaintyViewProps {
  scenarioId: string;
  revision: number;
  scenario: Scenario;
  models: readonly ModelInfo[];
  issue: string;
  onIssue: (id: string) => void;
  dirty: boolean;
}

type Progress =
  | { status: "idle" }
  | { status: "running"; runId: string; done: number; total: number }
  | { status: "done"; runId: string; result: SimulationResult }
  | { status: "failed"; runId?: string; message: string };

const DEFAULT_MODELS = ["compromise", "weighted-median", "eum"];

/** Where a finished run leaves the view: its result, or why there is none. */
function progressOf(run: RunRecord): Progress {
  const result = run.status === "done" ? readSimulationResult(run.result) : undefined;
  if (result) return { status: "done", runId: run.id, result };
  const message =
    run.status === "done"
      ? "this run has no readable result"
      : (run.error ?? `the simulation ended as ${run.status}`);
  return { status: "failed", runId: run.id, message };
}

/**
 * Monte Carlo on the server: start a simulation, follow its progress over server-sent events,
 * then show each model's outcome distribution on an issue — the headline, 50 / 80 / 95 %
 * intervals, the chance of each named outcome, each phase's chance of agreement, the questions
 * beside the sources' own figures — and a tornado chart when the result carries sensitivity data.
 */
export function UncertaintyView(props: UncertaintyViewProps) {
  const { scenarioId, revision, scenario, models, issue, onIssue, dirty } = props;
  const ids = useId();
  const [samples, setSamples] = useState(2000);
  const [seed, setSeed] = useState(42);
  const [withSensitivity, setWithSensitivity] = useState(true);
  const [calibrated, setCalibrated] = useState(true);
  const [agreement, setAgreement] = useState(true);
  const [chosen, setChosen] = useState<string[] | undefined>();
  const [progress, setProgress] = useState<Progress>({ status: "idle" });
  const status = useRef(progress.status);
  status.current = progress.status;
  const source = useRef<EventSource | undefined>(undefined);
  const selected = chosen ?? DEFAULT_MODELS.filter((id) => models.some((m) => m.id === id));

  useEffect(() => () => source.current?.close(), []);

  // Finished simulations stay on the server: list them, and reopen the newest on this revision.
  const [past, setPast] = useState<Array<RunRecord & RunInfo>>([]);
  const refreshPast = useCallback(
    () =>
      api.runs(scenarioId).then(
        (runs) => {
          const done = runs.filter((r) => r.kind === "simulate" && r.status === "done");
          setPast(done);
          return done;
        },
        () => [] as Array<RunRecord & RunInfo>,
      ),
    [scenarioId],
  );
  const open = useCallback(
    (id: string) =>
      api.runRecord(id).then(
        (run) => setProgress(progressOf(run)),
        (e: Error) => setProgress({ status: "failed", runId: id, message: e.message }),
      ),
    [],
  );
  useEffect(() => {
    void refreshPast().then((done) => {
      const latest = done.find((r) => r.revision === revision);
      if (latest && status.current === "idle") void open(latest.id);
    });
  }, [refreshPast, open, revision]);

  const finish = (run: RunRecord) => {
    source.current?.close();
    source.current = undefined;
    void refreshPast();
    setProgress(progressOf(run));
  };

  const start = async () => {
    source.current?.close();
    setProgress({ status: "running", runId: "", done: 0, total: samples });
    try {
      const run = await api.simulate(
        scenarioId,
        {
          samples,
          seed,
          models: selected,
          sensitivity: withSensitivity,
          sensitivitySamples: 64,
          calibration: calibrated ? "default" : "none",
          agreement,
        },
        revision,
      );
      setProgress({ status: "running", runId: run.id, done: 0, total: samples });
      const events = new EventSource(api.runEventsUrl(run.id));
      source.current = events;
      events.addEventListener("progress", (e) => {
        const { done, total } = JSON.parse((e as MessageEvent<string>).data) as {
          done: number;
          total: number;
        };
        setProgress((p) => (p.status === "running" ? { ...p, done, total } : p));
      });
      events.addEventListener("end", (e) =>
        finish(JSON.parse((e as MessageEvent<string>).data) as RunRecord),
      );
      events.onerror = () => {
        // The stream dropped (or closed after "end"): ask for the run itself.
        if (source.current !== events) return;
        events.close();
        source.current = undefined;
        api.runRecord(run.id).then(
          (r) => (r.status === "queued" || r.status === "running" ? void start() : finish(r)),
          (err: Error) => setProgress({ status: "failed", runId: run.id, message: err.message }),
        );
      };
    } catch (e) {
      setProgress({ status: "failed", message: (e as Error).message });
    }
  };

  const cancel = async () => {
    if (progress.status !== "running" || !progress.runId) return;
    try {
      finish(await api.cancelRun(progress.runId));
    } catch (e) {
      setProgress({ status: "failed", runId: progress.runId, message: (e as Error).message });
    }
  };

  return (
    <section className="uncertainty" aria-labelledby="uncertainty-title">
      <div className="toolbar">
        <h2 id="uncertainty-title">Uncertainty</h2>
        <IssuePicker scenario={scenario} issue={issue} onIssue={onIssue} />
      </div>
      <p className="hint">
        Samples every range and disagreeing source, and each shock with its probability; adds each
        model's own error as measured on real decisions (DEU III) and the chance that a phase ends
        without agreement, on the server (revision {revision}
        {dirty ? "; unsaved edits are not included" : ""}).
      </p>
      <form
        className="sim-form"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
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
        <button
          type="submit"
          className="primary"
          disabled={progress.status === "running" || selected.length === 0}
        >
          Start simulation
        </button>
        {progress.status === "running" && (
          <button type="button" onClick={() => void cancel()} disabled={!progress.runId}>
            Cancel
          </button>
        )}
      </form>

      <div aria-live="polite" data-testid="sim-status">
        {progress.status === "running" && (
          <p>
            <progress
              value={progress.done}
              max={progress.total || 1}
              aria-label="Simulation progress"
            />{" "}
            {progress.runId
              ? `${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} samples`
              : "starting…"}
          </p>
        )}
        {progress.status === "failed" && (
          <p className="error" role="alert">
            Simulation failed: {progress.message}
          </p>
        )}
        {progress.status === "done" && (
          <p className="ok">
            Done: {progress.result.samples.toLocaleString()} samples
            {progress.result.seed === undefined ? "" : `, seed ${progress.result.seed}`} (run{" "}
            <code>{progress.runId}</code>).
          </p>
        )}
      </div>

      {past.length > 0 && (
        <details className="past-runs" data-testid="past-runs">
          <summary>Past simulations of this scenario ({past.length})</summary>
          <ul>
            {past.map((r) => (
              <li key={r.id}>
                <button
                  type="button"
                  className="link"
                  disabled={progress.status === "done" && progress.runId === r.id}
                  onClick={() => void open(r.id)}
                >
                  {new Date(r.created).toLocaleString()}
                </button>{" "}
                revision {r.revision}
                {r.revision === revision ? "" : " (not the one on screen)"},{" "}
                {String(r.parameters.samples ?? "?")} samples, seed {r.seed ?? "?"}
                {r.model ? `, ${r.model.split(",").length} models` : ""}{" "}
                <code className="hint">{r.id}</code>
              </li>
            ))}
          </ul>
        </details>
      )}

      {progress.status === "done" && (
        <Distributions
          result={progress.result}
          scenario={scenario}
          issue={issue}
          onIssue={onIssue}
          models={models}
        />
      )}
    </section>
  );
}

function Distributions({
  result,
  scenario,
  issue,
  onIssue,
  models,
}: {
  result: SimulationResult;
  scenario: Scenario;
  issue: string;
  onIssue: (id: string) => void;
  models: readonly ModelInfo[];
}) {
  const info = scenario.issues.find((i) => i.id === issue);
  const entry = result.report.issues.find((i) => i.issue === issue);
  const label = useMemo(
    () => (id: string) => models.find((m) => m.id === id)?.label ?? id,
    [models],
  );
  const options = useMemo(
    () =>
      entry && info
        ? distributionPlotOptions({
            min: info.scale.min,
            max: info.scale.max,
            models: entry.models,
            label,
          })
        : undefined,
    [entry, info, label],
  );

  if (!entry || !info) return <p>No results for this issue.</p>;
  const tornado = result.sensitivity?.filter((s) => s.issue === issue) ?? [];
  const lead = entry.models.find((m) => m.n > 0);
  const checked = result.report.phases.length > 0;
  return (
    <div className="distributions">
      <AllIssues
        result={result}
        scenario={scenario}
        issue={issue}
        onIssue={onIssue}
        label={label}
      />
      {lead && (
        <p className="headline" data-testid="sim-headline">
          {issueHeadline(info, {
            bands: lead.outcome.bands,
            median: lead.outcome.median,
            interval80: lead.outcome.intervals["80"],
            statusQuoHolds: checked ? lead.outcome.statusQuoHolds : undefined,
          })}{" "}
          <span className="hint">({label(lead.model)})</span>
        </p>
      )}
      <h3>Outcome distributions on “{info.title}”</h3>
      {options && (
        <figure className="chart" data-testid="distribution-plot">
          <PlotFigure options={options} />
          <figcaption>
            Bars: share of samples per bin of the outcome (forecast plus the model's calibrated
            error, or the status quo where no phase agrees); shaded: the 80 % interval; black line:
            the median; red tick: the mean point forecast.
          </figcaption>
        </figure>
      )}
      <table className="data">
        <caption>Intervals</caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <NumberHeads
              heads={["forecast", "median", "50 %", "80 %", "95 %", checked && "status quo holds"]}
            />
          </tr>
        </thead>
        <tbody>
          {entry.models.map((d) => (
            <tr key={d.model}>
              <th scope="row">{label(d.model)}</th>
              <td className="num">{fmt(d.mean)}</td>
              <td className="num">{fmt(d.outcome.median)}</td>
              {(["50", "80", "95"] as const).map((l) => (
                <td className="num" key={l}>
                  {fmt(d.outcome.intervals[l][0])}–{fmt(d.outcome.intervals[l][1])}
                </td>
              ))}
              {checked && <td className="num">{percent(d.outcome.statusQuoHolds)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      <ChanceTable
        testId="bands"
        caption="Named outcomes: the chance the outcome is nearest each labelled point"
        head="Outcome"
        models={entry.models.map((d) => ({ id: d.model, label: label(d.model) }))}
        rows={(lead?.outcome.bands ?? []).map((band, j) => ({
          key: band.at,
          label: (
            <>
              {pointLabel(info, band.at)}{" "}
              <span className="hint">
                ({fmt(band.from)}–{fmt(band.to)})
              </span>
            </>
          ),
          chance: (k) => entry.models[k]?.outcome.bands[j]?.probability ?? Number.NaN,
        }))}
      />
      {(lead?.outcome.atLeast.length ?? 0) > 0 && (
        <ChanceTable
          testId="thresholds"
          caption="Chance the outcome is at least each marked point"
          head="At least"
          models={entry.models.map((d) => ({ id: d.model, label: label(d.model) }))}
          rows={(lead?.outcome.atLeast ?? []).map((t, j) => ({
            key: t.threshold,
            label: (
              <>
                {pointLabel(info, t.threshold)} <span className="hint">(≥ {fmt(t.threshold)})</span>
              </>
            ),
            chance: (k) => entry.models[k]?.outcome.atLeast[j]?.probability ?? Number.NaN,
          }))}
        />
      )}
      {checked && (
        <table className="data" data-testid="phases">
          <caption>
            Chance each phase ends in an agreement (± its Monte Carlo standard error, in percentage
            points)
          </caption>
          <tbody>
            {result.report.phases.map((p) => (
              <tr key={p.phase}>
                <th scope="row">
                  {scenario.phases?.find((x) => x.id === p.phase)?.title ?? p.phase}
                </th>
                <td className="num">{percent(p.probability)}</td>
                <td className="num hint">± {(p.se * 100).toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.report.questions.length > 0 && (
        <table className="data" data-testid="questions">
          <caption>Questions: each model's probability, and what the sources say</caption>
          <thead>
            <tr>
              <th scope="col">Question</th>
              {result.report.questions[0]?.models.map((m) => (
                <th scope="col" className="num" key={m.model}>
                  {label(m.model)}
                </th>
              ))}
              <th scope="col">Sources</th>
            </tr>
          </thead>
          <tbody>
            {result.report.questions.map((q) => {
              const about = scenario.questions?.find((x) => x.id === q.question);
              return (
                <tr key={q.question}>
                  <th scope="row">{about?.title ?? q.question}</th>
                  {q.models.map((m) => (
                    <td className="num" key={m.model} title={`± ${(m.se * 100).toFixed(2)}`}>
                      {percent(m.probability)}
                    </td>
                  ))}
                  <td>
                    {(about?.estimates ?? [])
                      .map((e) => `${e.source}: ${percent(e.probability)}`)
                      .join("; ")}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {tornado.length > 0 ? (
        tornado.map((s) => (
          <Tornado key={s.model} sensitivity={s} scenario={scenario} label={label(s.model)} />
        ))
      ) : (
        <p className="notice">
          No tornado chart: this simulation was run without sensitivity (tick “Sensitivity
          (tornado)” and run it again).
        </p>
      )}
    </div>
  );
}

function Tornado({
  sensitivity,
  scenario,
  label,
}: {
  sensitivity: NonNullable<SimulationResult["sensitivity"]>[number];
  scenario: Scenario;
  label: string;
}) {
  const rows = tornadoRows(sensitivity);
  const options = useMemo(
    () => tornadoPlotOptions(sensitivity, { label: (input) => inputName(scenario, input) }),
    [sensitivity, scenario],
  );
  return (
    <figure className="chart" data-testid={`tornado-${sensitivity.model}`}>
      <figcaption>
        Tornado for {label}: the forecast with each input at its low and high end
      </figcaption>
      {rows.length > 0 ? (
        <PlotFigure options={options} />
      ) : (
        <p className="hint">No single uncertain input moves this forecast.</p>
      )}
    </figure>
  );
}

/** Every issue at a glance: the lead model's median and 80 % interval; choose one for details. */
function AllIssues({
  result,
  scenario,
  issue,
  onIssue,
  label,
}: {
  result: SimulationResult;
  scenario: Scenario;
  issue: string;
  onIssue: (id: string) => void;
  label: (id: string) => string;
}) {
  const checked = result.report.phases.length > 0;
  return (
    <table className="data" data-testid="all-issues">
      <caption>
        Every issue: the first model's median and 80 % interval (choose one for its details)
      </caption>
      <thead>
        <tr>
          <th scope="col">Issue</th>
          <th scope="col">Model</th>
          <NumberHeads heads={["median", "80 %", checked && "status quo holds"]} />
        </tr>
      </thead>
      <tbody>
        {result.report.issues.map((entry) => {
          const info = scenario.issues.find((i) => i.id === entry.issue);
          const lead = entry.models.find((m) => m.n > 0);
          return (
            <tr key={entry.issue} className={entry.issue === issue ? "selected" : undefined}>
              <th scope="row">
                <button
                  type="button"
                  className="link"
                  aria-pressed={entry.issue === issue}
                  onClick={() => onIssue(entry.issue)}
                >
                  {info?.title ?? entry.issue}
                </button>
              </th>
              <td>{lead ? label(lead.model) : "—"}</td>
              <td className="num">{lead ? fmt(lead.outcome.median) : "—"}</td>
              <td className="num">
                {lead
                  ? `${fmt(lead.outcome.intervals["80"][0])}–${fmt(lead.outcome.intervals["80"][1])}`
                  : "—"}
              </td>
              {checked && (
                <td className="num">{lead ? percent(lead.outcome.statusQuoHolds) : "—"}</td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** A table of chances: one row per outcome, one column per model. */
function ChanceTable(props: {
  testId: string;
  caption: string;
  head: string;
  models: ReadonlyArray<{ id: string; label: string }>;
  rows: ReadonlyArray<{ key: number; label: ReactNode; chance: (model: number) => number }>;
}) {
  return (
    <table className="data" data-testid={props.testId}>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.head}</th>
          {props.models.map((m) => (
            <th scope="col" className="num" key={m.id}>
              {m.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            {props.models.map((m, k) => (
              <td className="num" key={m.id}>
                {percent(row.chance(k))}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Column heads of numeric columns (a `false` entry is left out). */
function NumberHeads({ heads }: { heads: ReadonlyArray<string | false> }) {
  return (
    <>
      {heads
        .filter((h): h is string => h !== false)
        .map((h) => (
          <th scope="col" className="num" key={h}>
            {h}
          </th>
        ))}
    </>
  );
}
