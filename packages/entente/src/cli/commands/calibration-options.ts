import { Option } from "@commander-js/extra-typings";
import type { CalibrationMethod } from "@entente/core";
import { CliError, EXIT } from "../io.ts";

/** `--atoms <n>`: candidate held positions per forecast. */
export const atomsOption = () =>
  new Option("--atoms <n>", "candidate held positions per forecast (0–10)").default("4");

/** `--scale <scale>`: whether errors scale with the spread of positions. */
export const scaleOption = () =>
  new Option("--scale <scale>", "scale errors by the spread of positions, or not")
    .choices(["spread", "none"])
    .default("spread");

/** The calibration method from parsed `--atoms` and `--scale`. */
export function methodFromOptions(options: { atoms: string; scale: string }): CalibrationMethod {
  const atoms = Number(options.atoms);
  if (!Number.isInteger(atoms) || atoms < 0 || atoms > 10) {
    throw new CliError(
      `--atoms: expected a whole number from 0 to 10, got "${options.atoms}"`,
      EXIT.invalidInput,
    );
  }
  return { atoms, scale: options.scale === "none" ? "none" : "spread" };
}
