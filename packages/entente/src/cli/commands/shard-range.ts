/**
 * `--shard i/N`: which of a run's shards part `i` of `N` runs.
 * @module
 */
import { SHARD_SIZE } from "@entente/core";
import { CliError, EXIT } from "../io.ts";

/**
 * The shards part `i` of `N` (`spec`, 0-based) runs out of `total`: consecutive, as even as
 * whole shards allow. Exit 2 for a malformed `spec`, a missing `--out` (`hasOut`), or more
 * parts than shards.
 * @example
 * shardRange("1/3", 8, true); // => [2, 3, 4]
 */
export function shardRange(spec: string, total: number, hasOut: boolean): number[] {
  const m = /^(\d+)\/(\d+)$/.exec(spec);
  const [i, n] = [Number(m?.[1]), Number(m?.[2])];
  if (!m || n < 1 || i >= n) {
    throw new CliError(`--shard expects i/N with 0 ≤ i < N, got "${spec}"`, EXIT.invalidInput);
  }
  if (!hasOut) throw new CliError("--shard needs --out <file> for the part", EXIT.invalidInput);
  if (n > total) {
    throw new CliError(
      `--shard ${spec}: this run has only ${total} shard${total === 1 ? "" : "s"} of ${SHARD_SIZE} samples; split it into at most ${total} parts`,
      EXIT.invalidInput,
    );
  }
  const from = Math.floor((i * total) / n);
  const to = Math.floor(((i + 1) * total) / n);
  return [...Array(to - from).keys()].map((k) => from + k);
}
