import {
  DEU3_CALIBRATION,
  defaultSimulationModels,
  FIFTY_FIFTY,
  type ForecastEntry,
  ledgerQuestions,
  type ResolutionEntry,
  referenceName,
  scoreLedger,
} from "@entente/core";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { ledgerRecords } from "../../ledger/ledger-records.ts";
import { findQuestion, prepareEntries } from "../../ledger/prepare-entries.ts";
import { recordScenario } from "../../ledger/record-scenario.ts";
import { verifyLedger } from "../../ledger/verify-ledger.ts";
import { defaultWorkers } from "../../pool/run-simulation.ts";
import { badRequest } from "../api-error.ts";
import type { AppDeps } from "../app-deps.ts";
import { choice } from "../field-schemas.ts";
import { jsonObjectBody } from "../request-body.ts";
import { errorResponse, jsonBody, jsonResponse, writeErrors, writeSecurity } from "../schemas.ts";
import {
  ForecastBody,
  LedgerHead,
  LedgerQuestions,
  LedgerRecord,
  LedgerScores,
  LedgerVerdict,
  ResolutionBody,
  recordBody,
} from "./ledger-schemas.ts";

const badField = errorResponse("A field is missing or out of range; the message names it");
const questionNotFound = errorResponse("No such question in the ledger");

/**
 * The forecast ledger: its questions (`GET /ledger`), records (`/ledger/entries`), scores
 * (`/ledger/scores?by=&reference=`) and chain check (`/ledger/verify`); record a stored
 * scenario's forecasts (`POST /ledger/record`), resolve a question (`POST
 * /ledger/resolutions`) and add an analyst's forecast (`POST /ledger/forecasts`).
 */
export function ledgerRoutes(deps: AppDeps): OpenAPIHono {
  const { store } = deps;
  const app = new OpenAPIHono();

  app.openapi(
    createRoute({
      method: "get",
      path: "/ledger",
      operationId: "ledgerQuestions",
      summary:
        "The ledger's questions, each with its forecasts in order (superseded ones marked) and standing resolution",
      responses: { 200: jsonResponse(LedgerQuestions, "The questions") },
    }),
    async (c) => {
      const { rows, head } = await store.readLedger();
      return c.json({ head, questions: ledgerQuestions(ledgerRecords(rows)) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/ledger/entries",
      operationId: "ledgerEntries",
      summary: "Every record of the ledger, in order, with its hashes",
      responses: {
        200: jsonResponse(
          z.object({ head: LedgerHead, records: z.array(LedgerRecord) }),
          "The records",
        ),
      },
    }),
    async (c) => {
      const { rows, head } = await store.readLedger();
      return c.json({ head, records: ledgerRecords(rows) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/ledger/scores",
      operationId: "ledgerScores",
      summary:
        "Per forecaster: Brier score with Murphy's decomposition, log score, Brier skill score against the reference, a 10-bin calibration table (Wilson 90 %), and the mean CRPS on numeric questions",
      request: {
        query: z.object({
          by: choice(["forecaster", "model"]).default("forecaster"),
          reference: z
            .string()
            .default(FIFTY_FIFTY)
            .describe('A forecaster\'s name, or "50%" (always 50 %)'),
        }),
      },
      responses: {
        200: jsonResponse(LedgerScores, "The scores"),
        400: errorResponse("Unknown reference forecaster or grouping"),
      },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const reference = referenceName(query.reference);
      const { rows } = await store.readLedger();
      try {
        return c.json(scoreLedger(ledgerRecords(rows), { by: query.by, reference }), 200);
      } catch (e) {
        if (e instanceof RangeError)
          throw badRequest("reference", e.message.replace(/^reference: /, ""));
        throw e;
      }
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/ledger/verify",
      operationId: "verifyLedger",
      summary: "Check the hash chain; names the first edited, deleted or reordered entry",
      responses: { 200: jsonResponse(LedgerVerdict, "The verdict") },
    }),
    async (c) => {
      const { rows, head } = await store.readLedger();
      return c.json(verifyLedger(rows, head), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/ledger/record",
      operationId: "recordForecasts",
      summary:
        "Simulate a stored scenario and record every question's probability per model, the sources' stated figures, and each issue's predictive distribution",
      security: writeSecurity,
      middleware: [jsonObjectBody],
      request: { body: jsonBody(recordBody(deps.maxSamples), true) },
      responses: {
        201: jsonResponse(z.object({ recorded: z.int(), head: LedgerHead.partial() }), "Recorded"),
        400: badField,
        404: errorResponse("No such scenario or revision"),
        ...writeErrors,
      },
    }),
    async (c) => {
      const {
        scenario,
        revision,
        samples,
        seed,
        date,
        questions: only,
        calibration,
      } = c.req.valid("json");
      const saved = await store.getScenario(scenario, revision);
      const written = await recordScenario(store, {
        scenario: saved.scenario,
        revision: saved.revision,
        samples,
        seed,
        models: defaultSimulationModels(),
        calibration: calibration === "none" ? null : DEU3_CALIBRATION,
        date: date ?? new Date().toISOString().slice(0, 10),
        ...(only ? { only } : {}),
        workers: Math.min(defaultWorkers(), deps.maxWorkers),
      });
      const last = written[written.length - 1];
      return c.json({ recorded: written.length, head: { seq: last?.seq, hash: last?.hash } }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/ledger/resolutions",
      operationId: "resolveQuestion",
      summary: "Record what happened; a second resolution of a question supersedes the first",
      security: writeSecurity,
      middleware: [jsonObjectBody],
      request: { body: jsonBody(ResolutionBody, true) },
      responses: {
        201: jsonResponse(LedgerRecord, "The new record"),
        400: badField,
        404: questionNotFound,
        ...writeErrors,
      },
    }),
    async (c) => {
      const { question, outcome, date, source, note } = c.req.valid("json");
      const [written] = await store.appendLedger((ledger) => {
        const entry: ResolutionEntry = {
          kind: "resolution",
          question: findQuestion(ledger, question),
          outcome,
          date: date ?? new Date().toISOString().slice(0, 10),
          source,
          ...(note === undefined ? {} : { note }),
          created: new Date().toISOString(),
        };
        return prepareEntries(ledger, [entry]);
      });
      return c.json(written, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/ledger/forecasts",
      operationId: "addForecast",
      summary: "Record a named analyst's probability for a question already in the ledger",
      security: writeSecurity,
      middleware: [jsonObjectBody],
      request: { body: jsonBody(ForecastBody, true) },
      responses: {
        201: jsonResponse(LedgerRecord, "The new record"),
        400: badField,
        404: questionNotFound,
        ...writeErrors,
      },
    }),
    async (c) => {
      const { question: typed, forecaster, probability, date, note } = c.req.valid("json");
      const [written] = await store.appendLedger((ledger) => {
        const question = findQuestion(ledger, typed);
        const entry: ForecastEntry = {
          kind: "forecast",
          question,
          text: ledgerQuestions(ledger).find((q) => q.question === question)?.text ?? question,
          forecaster,
          forecasterKind: "analyst",
          probability,
          date: date ?? new Date().toISOString().slice(0, 10),
          created: new Date().toISOString(),
          ...(note === undefined ? {} : { note }),
        };
        return prepareEntries(ledger, [entry]);
      });
      return c.json(written, 201);
    },
  );

  return app;
}
