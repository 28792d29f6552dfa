import { normaliseQuote } from "./normalise-quote.ts";

/** A source's text prepared for grounding checks: normalised once, searched many times. */
export interface GroundingText {
  readonly normalised: string;
}

/** Prepare a source's text for {@link quoteIsGrounded}. */
export function groundingText(text: string): GroundingText {
  return { normalised: normaliseQuote(text) };
}

/**
 * True when `quote` occurs verbatim in the source after both are normalised by
 * {@link normaliseQuote} (white space and quote marks); an empty quote is never grounded.
 * @example quoteIsGrounded("a  \u2018b\u2019", groundingText("x a 'b' y")) // => true
 */
export function quoteIsGrounded(quote: string, source: GroundingText): boolean {
  const q = normaliseQuote(quote);
  return q.length > 0 && source.normalised.includes(q);
}
