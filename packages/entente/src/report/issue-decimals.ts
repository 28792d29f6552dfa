/**
 * How finely an issue's numbers are written: from the width of its scale.
 * @module
 */
import type { Issue } from "@entente/core";
import { decimalsFor } from "../format/number.ts";

/** The width of an issue's scale (0–100 unless the scale says otherwise). */
export const scaleWidth = (issue: Issue) => (issue.scale.max ?? 100) - (issue.scale.min ?? 0);

/** Decimal places for positions and forecasts on an issue's scale. */
export const issueDecimals = (issue: Issue) => decimalsFor(scaleWidth(issue));
