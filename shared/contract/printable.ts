/**
 * Characters that must not reach a terminal, a log line or a notification
 * from input: controls (C0, DEL, C1: ESC sequences, CR/LF, NUL), invisible
 * format characters (zero-width space and joiners, BOM, soft hyphen, the bidi
 * overrides and isolates of "Trojan Source"), lone surrogates (not UTF-8
 * encodable) and the Unicode line and paragraph separators.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;
const UNSAFE_ALL = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;
/** The same, but a line feed is allowed: for text of several lines that we compose ourselves. */
const UNSAFE_BUT_NEWLINE = /(?![\n])[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;

const codePoint = (c: string): string => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * True when every character lies in ranges UNSAFE has none of: printable
 * ASCII, Latin-1 without the soft hyphen, up to U+05FF, and Latin Extended
 * Additional (Vietnamese). A loop of compares, ahead of the regular
 * expression, for the millions of names of a country's org.
 */
function plainlySafe(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c < 0x600 && c !== 0xad) || (c >= 0x1e00 && c < 0x2000)) continue;
    return false;
  }
  return true;
}

/** The first unsafe character and where it is, said for an error message, or null. */
export function unsafeCharacter(text: string): string | null {
  if (plainlySafe(text)) return null;
  const m = UNSAFE.exec(text);
  return m === null ? null : `${codePoint(m[0])} at character ${m.index + 1}`;
}

/** Text made safe to print: each unsafe character shown as its code point, `<U+001B>`. */
export function printable(text: string, keepNewlines = false): string {
  return text.replace(keepNewlines ? UNSAFE_BUT_NEWLINE : UNSAFE_ALL, (c) => `<${codePoint(c)}>`);
}
