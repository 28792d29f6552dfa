import { z } from "zod";
import { models } from "../models/registry.ts";
import type { Calibration } from "./model-calibration.ts";

const share = z
  .number()
  .min(0, "expected a share from 0 to 1")
  .max(1, "expected a share from 0 to 1");
const finite = z.number().refine(Number.isFinite, "expected a finite number");

const ModelCalibrationSchema = z.strictObject({
  n: z.number().int().min(2, "expected at least 2 decisions"),
  atoms: z.array(share).max(10, "expected at most 10 atoms"),
  residuals: z.array(finite),
  levels: z.strictObject({ "50": share, "80": share, "95": share }),
});

/** The calibration file format (`entente calibrate`), version 1. */
export const CalibrationSchema = z.strictObject({
  version: z.literal(1, "expected version 1 (this Entente reads calibration files of version 1)"),
  provenance: z.strictObject({
    method: z.string(),
    atoms: z.number().int().min(0).max(10),
    scale: z.enum(["spread", "none"]),
    data: z.string(),
    dataSha256: z.string(),
    capability: z.string(),
    split: z.string(),
    date: z.string(),
    reference: z.string(),
  }),
  models: z.record(z.string(), ModelCalibrationSchema),
});

/**
 * Check a parsed calibration file: its shape, atom shares summing to at most 1, residuals in
 * ascending order. Returns the calibration or every problem with its path.
 */
export function validateCalibration(
  input: unknown,
):
  | { ok: true; calibration: Calibration }
  | { ok: false; issues: Array<{ path: Array<string | number>; message: string }> } {
  const parsed = CalibrationSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => {
        const path = i.path as Array<string | number>;
        const missing = i.code === "invalid_type" && /received undefined$/.test(i.message);
        return {
          path,
          message: missing
            ? `missing required field "${String(path[path.length - 1])}"`
            : i.message.replace(/^Invalid (input|option): /, ""),
        };
      }),
    };
  }
  const issues: Array<{ path: Array<string | number>; message: string }> = [];
  const known = models.map((m) => m.id);
  for (const [id, m] of Object.entries(parsed.data.models)) {
    if (!known.includes(id)) {
      issues.push({
        path: ["models", id],
        message: `unknown model "${id}"; known models: ${known.join(", ")}`,
      });
    }
    const { "50": l50, "80": l80, "95": l95 } = m.levels;
    if (!(l50 > 0 && l50 < l80 && l80 < l95)) {
      issues.push({
        path: ["models", id, "levels"],
        message: `expected levels with 0 < 50 < 80 < 95 ≤ 1 (intervals nest), got ${l50}, ${l80}, ${l95}`,
      });
    }
    if (m.residuals.length === 0) {
      issues.push({
        path: ["models", id, "residuals"],
        message: "expected at least one training error",
      });
    }
    if (m.residuals.length > m.n) {
      issues.push({
        path: ["models", id, "n"],
        message: `expected at least as many decisions as residuals (${m.residuals.length}), got ${m.n}`,
      });
    }
    const total = m.atoms.reduce((a, b) => a + b, 0);
    if (total > 1 + 1e-9) {
      issues.push({
        path: ["models", id, "atoms"],
        message: `shares sum to ${total}; expected at most 1`,
      });
    }
    for (let j = 1; j < m.residuals.length; j++) {
      if ((m.residuals[j] as number) < (m.residuals[j - 1] as number)) {
        issues.push({
          path: ["models", id, "residuals", j],
          message: "expected residuals in ascending order",
        });
        break;
      }
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, calibration: parsed.data };
}
