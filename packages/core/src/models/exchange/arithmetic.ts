import { Decimal } from "decimal.js";

/**
 * The number system the exchange model computes in. The model is written once over this
 * interface: in float64 (the default) and in the 28-digit decimals (round half even) of Python's
 * `decimal` module, which the reference implementation uses and whose knife edges parity with its
 * runs needs (spec-exchange §9).
 */
export interface Arithmetic<T> {
  readonly name: "float64" | "decimal28";
  /** An input number: a double as the shortest decimal that reads back as it (`0.26` → 0.26). */
  of(x: number): T;
  /** A double converted exactly (`0.4` → 0.400000000000000022204…), as Python's `Decimal(0.4)`. */
  exact(x: number): T;
  /** The nearest double. */
  toNumber(x: T): number;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  abs(a: T): T;
  neg(a: T): T;
  /** Negative, zero or positive as a < b, a = b, a > b. */
  cmp(a: T, b: T): number;
  readonly zero: T;
}

/** IEEE double arithmetic. */
export const float64: Arithmetic<number> = {
  name: "float64",
  of: (x) => x,
  exact: (x) => x,
  toNumber: (x) => x,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  abs: Math.abs,
  neg: (a) => -a,
  cmp: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  zero: 0,
};

const Decimal28 = Decimal.clone({ precision: 28, rounding: Decimal.ROUND_HALF_EVEN });
type D28 = InstanceType<typeof Decimal28>;

/**
 * Decimal arithmetic with 28 significant digits, rounding half to even: the default context of
 * Python's `decimal` module. Every operation rounds its exact result once, as Python does.
 */
export const decimal28: Arithmetic<D28> = {
  name: "decimal28",
  of: (x) => new Decimal28(String(x)),
  exact: (x) => new Decimal28(exactDecimal(x)),
  toNumber: (x) => x.toNumber(),
  add: (a, b) => a.plus(b),
  sub: (a, b) => a.minus(b),
  mul: (a, b) => a.times(b),
  div: (a, b) => a.div(b),
  abs: (a) => a.abs(),
  neg: (a) => a.neg(),
  cmp: (a, b) => a.cmp(b),
  zero: new Decimal28(0),
};

/** The exact decimal expansion of a finite double (every double is a finite decimal). */
export function exactDecimal(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`expected a finite number, got ${x}`);
  if (Number.isInteger(x)) return BigInt(x).toString();
  // x = m / 2^k with m an integer: scale by 2 until whole (at most 1074 times).
  let k = 0;
  let m = x;
  while (!Number.isInteger(m)) {
    m *= 2;
    k++;
  }
  // m / 2^k = m · 5^k / 10^k.
  const digits = (BigInt(m) * 5n ** BigInt(k)).toString();
  const negative = digits.startsWith("-");
  const body = (negative ? digits.slice(1) : digits).padStart(k + 1, "0");
  const point = body.length - k;
  const fraction = body.slice(point).replace(/0+$/, "");
  return `${negative ? "-" : ""}${body.slice(0, point)}${fraction ? `.${fraction}` : ""}`;
}
