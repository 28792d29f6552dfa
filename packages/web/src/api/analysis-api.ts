/**
 * The synchronous analyses of `entente serve`: every model's forecast, one model's run and the
 * deal-space search of a stored revision. The workbench asks for these as it opens a revision,
 * not as analyses to keep, so none is recorded as a run (`record: false`).
 * @module
 */
import type {
  AnalysisAnswer,
  DealsDocument,
  ForecastDocument,
  RunDocument,
} from "entente/wire-types";
import { request } from "./request.ts";

const enc = encodeURIComponent;

/** `revision` in a body, when one is asked for (the server's latest otherwise). */
const revisionField = (rev: number | undefined) => (rev === undefined ? {} : { revision: rev });

/**
 * The analysis endpoints, relative to the page's origin; each answers with the document the
 * CLI's `--format json` prints.
 * @example
 * const table = await analysisApi.forecast("budapest-2025", 3);
 */
export const analysisApi = {
  /** Every model's forecast of a revision (`entente forecast --format json`). */
  async forecast(id: string, rev?: number): Promise<ForecastDocument> {
    const answer = await request<AnalysisAnswer<ForecastDocument>>(
      "POST",
      `/api/scenarios/${enc(id)}/forecast`,
      { record: false, ...revisionField(rev) },
    );
    return answer.result;
  },

  /** One model's run document (rounds per issue) for a revision. */
  async run(id: string, model: string, rev?: number): Promise<RunDocument> {
    const answer = await request<AnalysisAnswer<RunDocument>>(
      "POST",
      `/api/scenarios/${enc(id)}/run`,
      { model, record: false, ...revisionField(rev) },
    );
    return answer.result;
  },

  /**
   * Deal-space search between two actors (`between`), optionally with the win-set of the
   * scenario's ratifiers; the server answers 501 when its build has no deal engine.
   */
  async deals(
    id: string,
    options: { between?: [string, string]; ratify?: boolean },
    rev?: number,
  ): Promise<DealsDocument> {
    const answer = await request<AnalysisAnswer<DealsDocument>>(
      "POST",
      `/api/scenarios/${enc(id)}/deals`,
      { record: false, ...options, ...revisionField(rev) },
    );
    return answer.result;
  },
};
