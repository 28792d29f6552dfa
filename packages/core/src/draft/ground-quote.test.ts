import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groundingText, quoteIsGrounded } from "./ground-quote.ts";
import { normaliseQuote } from "./normalise-quote.ts";

// The documented normalisation, written out independently as the oracle: one table of
// characters, white space collapsed by hand, and a naive substring search.
const SINGLE = "\u2018\u2019\u201A\u201B\u2032\u2039\u203A`\u00B4'";
const DOUBLE = '\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB"';
const SPACES = " \t\n\r\u00A0\u2009\u200B\u3000\u2028\uFEFF";

function oracleCanonical(text: string): string {
  let out = "";
  let pendingSpace = false;
  for (const ch of text.normalize("NFC")) {
    if (SPACES.includes(ch) || /\s/.test(ch)) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) out += " ";
    pendingSpace = false;
    out += SINGLE.includes(ch) ? "'" : DOUBLE.includes(ch) ? '"' : ch;
  }
  return out;
}

function oracleOccurs(quote: string, article: string): boolean {
  const q = oracleCanonical(quote);
  const a = oracleCanonical(article);
  if (q.length === 0) return false;
  for (let i = 0; i + q.length <= a.length; i++) {
    let j = 0;
    while (j < q.length && a[i + j] === q[j]) j++;
    if (j === q.length) return true;
  }
  return false;
}

/** Words from a small alphabet (so that random quotes often do occur), with quote marks. */
const word = fc
  .array(fc.constantFrom(..."abAB'\"\u2019\u201C\u201D\u00E9e\u0301.-"), {
    minLength: 1,
    maxLength: 5,
  })
  .map((chars) => chars.join(""));
const space = fc
  .constantFrom(...SPACES.split(""))
  .chain((c) => fc.integer({ min: 1, max: 3 }).map((n) => c.repeat(n)));
const article = fc
  .array(fc.tuple(word, space), { minLength: 1, maxLength: 40 })
  .map((parts) => parts.map(([w, s]) => w + s).join(""));

/** `text` written differently: each space a random white-space run, each quote mark a variant. */
const rewritten = (text: string) =>
  fc.array(fc.nat(), { minLength: text.length, maxLength: text.length }).chain((picks) =>
    space.map((gap) =>
      [...text]
        .map((ch, i) => {
          const k = picks[i] ?? 0;
          if (ch === " ") return k % 2 === 0 ? " " : gap;
          if (ch === "'") return SINGLE[k % SINGLE.length] as string;
          if (ch === '"') return DOUBLE[k % DOUBLE.length] as string;
          return ch;
        })
        .join(""),
    ),
  );

describe("quoteIsGrounded", () => {
  it("accepts exactly the quotes the independent oracle finds, for random articles and quotes", () => {
    fc.assert(
      fc.property(article, fc.oneof(article, word, fc.string({ maxLength: 12 })), (text, quote) => {
        expect(quoteIsGrounded(quote, groundingText(text))).toBe(oracleOccurs(quote, text));
      }),
      { numRuns: 3000 },
    );
  });

  it("accepts every slice of an article however its white space and quote marks are written", () => {
    const slice = article.chain((text) => {
      const canonical = oracleCanonical(text);
      return fc
        .tuple(fc.nat(canonical.length), fc.nat(canonical.length))
        .map(([a, b]) => canonical.slice(Math.min(a, b), Math.max(a, b)))
        .filter((s) => s.trim().length > 0)
        .chain((s) => rewritten(s).map((quote) => ({ text, quote })));
    });
    fc.assert(
      fc.property(slice, ({ text, quote }) => {
        expect(quoteIsGrounded(quote, groundingText(text))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("refuses a slice with one letter changed unless the changed text occurs elsewhere", () => {
    const changed = article.chain((text) => {
      const canonical = oracleCanonical(text);
      return fc
        .tuple(fc.nat(canonical.length - 1), fc.integer({ min: 1, max: 20 }), fc.nat())
        .map(([start, length, at]) => {
          const s = canonical.slice(start, start + length);
          const i = at % s.length;
          return { text, quote: `${s.slice(0, i)}z${s.slice(i + 1)}` };
        });
    });
    fc.assert(
      fc.property(changed, ({ text, quote }) => {
        expect(quoteIsGrounded(quote, groundingText(text))).toBe(oracleOccurs(quote, text));
        if (!oracleCanonical(text).includes("z")) {
          expect(quoteIsGrounded(quote, groundingText(text))).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("is case-sensitive, keeps dashes and other punctuation, and never grounds an empty quote", () => {
    const src = groundingText("The union wants a \u201Ccomplete freeze\u201D \u2014 until 2030.");
    expect(quoteIsGrounded('wants a "complete freeze"', src)).toBe(true);
    expect(quoteIsGrounded("the union wants", src)).toBe(false);
    expect(quoteIsGrounded("freeze\u201D - until", src)).toBe(false);
    expect(quoteIsGrounded("freeze\u201D \u2014 until 2030.", src)).toBe(true);
    expect(quoteIsGrounded(" \n\t", src)).toBe(false);
    expect(quoteIsGrounded("", src)).toBe(false);
  });

  it("reads composed and decomposed accents alike (Unicode NFC)", () => {
    expect(quoteIsGrounded("Orba\u0301n", groundingText("Viktor Orb\u00E1n said"))).toBe(true);
    expect(normaliseQuote("  the \u201Cfreeze\u201D\n line ")).toBe('the "freeze" line');
  });
});
