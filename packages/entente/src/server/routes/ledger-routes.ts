import {
  DEU3_CALIBRATION,
  FIFTY_FIFTY,
  type ForecastEntry,
  isIsoDate,
  ledgerQuestions,
  type ResolutionEntry,
  referenceName,
  scoreLedger,
  show,
} from "@entente/core";
import { Hono } from "hono";
import { ledgerRecords } from "../../ledger/ledger-records.ts";
import { findQuestion, prepareEntries } from "../../ledger/prepare-entries.ts";
import { recordScenario } from "../../ledger/record-scenario.ts";
import { verifyLedger } from "../../ledger/verify-ledger.ts";
import { defaultWorkers } from "../../pool/run-simulation.ts";
import { badRequest } from "../api-error.ts";
import type { AppDeps } from "../app-deps.ts";
import { onlyFields, optionalChoice, optionalInteger, optionalString } from "../body-fields.ts";
import { readJsonObject } from "../request-body.ts";
import { DEFAULT_SAMPLES, DEFAULT_SEED, DEFAULT_SIMULATION_MODELS } from "./simulate-route.ts";

/**
 * The forecast ledger: its questions (`GET /ledger`), records (`/ledger/entries`), scores
 * (`/ledger/scores?by=&reference=`) and chain check (`/ledger/verify`); record a stored
 * scenario's forecasts (`POST /ledger/record`), resolve a question (`POST
 * /ledger/resolutions`) and add an analyst's forecast (`POST /ledger/forecasts`).
 */
export function ledgerRoutes(deps: AppDeps): Hono {
  const { store } = deps;
  const app = new Hono();

  app.get("/ledger", async (c) => {
    const { rows, head } = await store.readLedger();
    return c.json({ head, questions: ledgerQuestions(ledgerRecords(rows)) });
  });

  app.get("/ledger/entries", async (c) => {
    const { rows, head } = await store.readLedger();
    return c.json({ head, records: ledgerRecords(rows) });
  });

  app.get("/ledger/scores", async (c) => {
    const by = optionalChoice(c.req.query("by"), "by", ["forecaster", "model"]) ?? "forecaster";
    const reference = referenceName(c.req.query("reference") ?? FIFTY_FIFTY);
    const { rows } = await store.readLedger();
    try {
      return c.json(scoreLedger(ledgerRecords(rows), { by, reference }));
    } catch (e) {
      if (e instanceof RangeError)
        throw badRequest("reference", e.message.replace(/^reference: /, ""));
      throw e;
    }
  });

  app.get("/ledger/verify", async (c) => {
    const { rows, head } = await store.readLedger();
    return c.json(verifyLedger(rows, head));
  });

  app.post("/ledger/record", async (c) => {
    const body = await readJsonObject(c);
    onlyFields(body, [
      "scenario",
      "revision",
      "samples",
      "seed",
      "date",
      "questions",
      "calibration",
    ]);
    if (typeof body.scenario !== "string")
      throw badRequest("scenario", `expected a stored scenario's id, got ${show(body.scenario)}`);
    const revision = optionalInteger(body.revision, "revision", 1);
    const samples = optionalInteger(body.samples, "samples", 1, deps.maxSamples) ?? DEFAULT_SAMPLES;
    const seed = optionalInteger(body.seed, "seed", 0) ?? DEFAULT_SEED;
    const date = optionalDate(body.date) ?? new Date().toISOString().slice(0, 10);
    const calibration =
      optionalChoice(body.calibration, "calibration", ["default", "none"]) ?? "default";
    const only = body.questions;
    if (only !== undefined && !(Array.isArray(only) && only.every((q) => typeof q === "string"))) {
      throw badRequest("questions", `expected a list of question or issue ids, got ${show(only)}`);
    }
    const saved = await store.getScenario(body.scenario, revision);
    const written = await recordScenario(store, {
      scenario: saved.scenario,
      revision: saved.revision,
      samples,
      seed,
      models: DEFAULT_SIMULATION_MODELS,
      calibration: calibration === "none" ? null : DEU3_CALIBRATION,
      date,
      ...(only ? { only: only as string[] } : {}),
      workers: Math.min(defaultWorkers(), deps.maxWorkers),
    });
    const last = written[written.length - 1];
    return c.json({ recorded: written.length, head: { seq: last?.seq, hash: last?.hash } }, 201);
  });

  app.post("/ledger/resolutions", async (c) => {
    const body = await readJsonObject(c);
    onlyFields(body, ["question", "outcome", "date", "source", "note"]);
    const o = body.outcome;
    const outcome = o === "yes" || o === true ? true : o === "no" || o === false ? false : o;
    if (
      typeof outcome !== "boolean" &&
      !(typeof outcome === "number" && Number.isFinite(outcome))
    ) {
      throw badRequest("outcome", `expected "yes", "no" or a number, got ${show(o)}`);
    }
    const note = optionalString(body.note, "note", 2000);
    const date = optionalDate(body.date) ?? new Date().toISOString().slice(0, 10);
    const [written] = await store.appendLedger((ledger) => {
      const entry: ResolutionEntry = {
        kind: "resolution",
        question: findQuestion(ledger, typeof body.question === "string" ? body.question : ""),
        outcome,
        date,
        source: typeof body.source === "string" ? body.source : "",
        ...(note === undefined ? {} : { note }),
        created: new Date().toISOString(),
      };
      return prepareEntries(ledger, [entry]);
    });
    return c.json(written, 201);
  });

  app.post("/ledger/forecasts", async (c) => {
    const body = await readJsonObject(c);
    onlyFields(body, ["question", "forecaster", "probability", "date", "note", "text"]);
    const note = optionalString(body.note, "note", 2000);
    const date = optionalDate(body.date) ?? new Date().toISOString().slice(0, 10);
    const [written] = await store.appendLedger((ledger) => {
      const question = findQuestion(ledger, typeof body.question === "string" ? body.question : "");
      const entry: ForecastEntry = {
        kind: "forecast",
        question,
        text: ledgerQuestions(ledger).find((q) => q.question === question)?.text ?? question,
        forecaster: typeof body.forecaster === "string" ? body.forecaster : "",
        forecasterKind: "analyst",
        probability: body.probability as number,
        date,
        created: new Date().toISOString(),
        ...(note === undefined ? {} : { note }),
      };
      return prepareEntries(ledger, [entry]);
    });
    return c.json(written, 201);
  });

  return app;
}

function optionalDate(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw badRequest("date", `expected a date YYYY-MM-DD, got ${show(value)}`);
  return value;
}
