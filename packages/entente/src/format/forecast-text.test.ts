import { describe, expect, it } from "vitest";
import { readScenario } from "../io/read-scenario.ts";
import { forecastDocument, formatForecast } from "./forecast.ts";

const root = new URL("../../../../", import.meta.url).pathname;

describe("forecast as text", () => {
  it("keeps the status quo visible on the track where forecasts coincide with it", async () => {
    const { scenario, data } = await readScenario(`${root}test/fixtures/report/harbour-talks.yaml`);
    const doc = forecastDocument(scenario, data, {
      phases: false,
      calibration: null,
      agreement: false,
    });
    const row = doc.issues.find((r) => r.issue === "automation");
    // Nash bargaining lands on the status quo (30) here.
    expect(row?.forecasts.nash).toBe(row?.statusQuo);
    const text = formatForecast(doc, "table", scenario);
    const block = text.slice(text.indexOf("Pace of automation"));
    const track = block.split("\n").find((l) => l.trim().startsWith("|")) as string;
    expect(track.trim()[1 + Math.round(0.3 * 40)]).toBe("S");
  });

  it("prints zero without a sign", async () => {
    const { fixed } = await import("./number.ts");
    expect([fixed(-0, 1), fixed(-1e-12, 2), fixed(-0.04, 1), fixed(-0.06, 1)]).toEqual([
      "0.0",
      "0.00",
      "0.0",
      "-0.1",
    ]);
  });
});
