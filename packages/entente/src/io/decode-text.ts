import type { Diagnostic } from "./diagnostic.ts";

/** Largest scenario file read, in bytes. A real scenario is a few hundred kilobytes at most. */
export const MAX_SCENARIO_BYTES = 10 * 1024 * 1024;

/**
 * Turn a file's bytes into text, or say why they are not a text file: too large, binary (NUL
 * bytes) or not valid UTF-8 — each located at line and column. A UTF-8 byte-order mark is dropped.
 */
export function decodeText(
  bytes: Uint8Array,
  file: string,
): { text: string } | { diagnostic: Diagnostic } {
  const at = (offset: number, path: string, message: string) => ({
    diagnostic: { file, ...lineCol(bytes, offset), path, message },
  });
  if (bytes.length > MAX_SCENARIO_BYTES) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    return at(
      0,
      "(file)",
      `file is ${mb(bytes.length)}; scenario files are limited to ${mb(MAX_SCENARIO_BYTES)}`,
    );
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return at(nul, "(file)", "binary data (a NUL byte); expected a YAML or JSON text file");
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const hex = (bytes[bad] as number).toString(16).toUpperCase().padStart(2, "0");
    return at(bad, "(file)", `invalid UTF-8 (byte 0x${hex}); save the file as UTF-8`);
  }
  const text = new TextDecoder("utf-8").decode(bytes);
  return { text: text.startsWith("\uFEFF") ? text.slice(1) : text };
}

/** 1-based line and column (in characters) of a byte offset. */
function lineCol(bytes: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b === 0x0a) {
      line++;
      col = 1;
    } else if ((b & 0xc0) !== 0x80) col++; // count characters, not continuation bytes
  }
  return { line, col };
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629), or -1 when the bytes are valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
