/** Characters read as a single quote mark: ‘ ’ ‚ ‛ ′ ‹ › ` ´ and the ASCII apostrophe. */
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u2039\u203A\u0060\u00B4]/g;
/** Characters read as a double quote mark: “ ” „ ‟ ″ « » and the ASCII double quote. */
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
/** Any run of white space, including no-break and zero-width spaces and line breaks. */
const WHITE_SPACE = /[\s\u00A0\u200B\u2060\uFEFF]+/g;

/**
 * Text as the grounding check compares it: Unicode NFC; every typographic single quote mark
 * (‘ ’ ‚ ‛ ′ ‹ › ` ´) written `'` and every double one (“ ” „ ‟ ″ « ») written `"`; every run of
 * white space (spaces, tabs, line breaks, no-break and zero-width spaces) one space; no space at
 * either end. Letters, case, digits, dashes and other punctuation are kept as they are, so a
 * quote is grounded only if the source says exactly that.
 * @example normaliseQuote("  the \u201Cfreeze\u201D\n line ") // => 'the "freeze" line'
 */
export function normaliseQuote(text: string): string {
  return text
    .normalize("NFC")
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(WHITE_SPACE, " ")
    .trim();
}
