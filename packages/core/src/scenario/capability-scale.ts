/** What the rescaling reads and rewrites: each issue's capabilities (ScenarioData fits). */
export interface WithCapabilities {
  issues: readonly { capabilities: Float64Array }[];
}

/** Largest capability left as it is: beyond it (or below its inverse) capabilities are rescaled. */
const LIMIT = 2 ** 40;

/**
 * The scenario with its capabilities rescaled when their magnitude could overflow or underflow a
 * model's sums: only ratios of capabilities matter (every model weighs actors by c_i / Σ c), so
 * when the largest lies outside [2⁻⁴⁰, 2⁴⁰] all are multiplied by the power of two that brings it
 * into [1, 2). A power of two scales exactly, so ratios are unchanged to the last bit (values
 * below 2⁻¹⁰²² of the largest, negligible in every model, lose precision). Inside the range the
 * scenario is returned as it is, so reference runs keep their exact inputs.
 */
export function scaleCapabilities<T extends WithCapabilities>(data: T): T {
  let max = 0;
  for (const issue of data.issues) {
    for (const c of issue.capabilities) if (c > max) max = c;
  }
  if (!(max > 0) || !Number.isFinite(max) || (max <= LIMIT && max >= 1 / LIMIT)) return data;
  // Math.log2 rounds near powers of two (log2(MAX_VALUE) is 1024): correct the exponent.
  let e = Math.floor(Math.log2(max));
  if (max * 2 ** -e < 1) e--;
  else if (max * 2 ** -e >= 2) e++;
  const factor = 2 ** -e;
  return {
    ...data,
    issues: data.issues.map((issue) => ({
      ...issue,
      capabilities: Float64Array.from(issue.capabilities, (c) => c * factor),
    })),
  };
}
