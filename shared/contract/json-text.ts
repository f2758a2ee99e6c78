/**
 * JSON text from outside (an HTTP body, a file, a line of JSON Lines) to a
 * value, or one issue saying where it went wrong. Beyond JSON.parse: a
 * leading byte order mark is skipped (editors on Windows write one); nesting
 * deeper than any contract needs is refused before anything recursive
 * (error lines, JSON.stringify) walks it; a field given twice in one object
 * is refused, since JSON.parse would silently keep the last one.
 */
import { parse, printParseErrorCode, visit, type ParseError } from 'jsonc-parser';
import { printable } from './printable.ts';

/** The org snapshot nests 5 deep (leaders → positions → position), an events batch 4. */
export const MAX_JSON_DEPTH = 32;

export interface JsonTextIssue {
  path: Array<string | number>;
  message: string;
  /** 1-based line in the text, when known. */
  line: number | null;
  /** True when the text is not JSON at all; false when it is JSON the contract refuses (too deep, a field twice). */
  syntax: boolean;
}

export type JsonText = { ok: true; json: unknown } | { ok: false; issue: JsonTextIssue };

const BOM = '\uFEFF';

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The path to the first value nested deeper than `max`, or null; iterative, so any depth is safe. */
export function tooDeep(json: unknown, max = MAX_JSON_DEPTH): Array<string | number> | null {
  const stack: Array<{ value: unknown; depth: number; key: string | number | null; parent: number }> = [{ value: json, depth: 0, key: null, parent: -1 }];
  const seen: typeof stack = [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const at = seen.push(node) - 1;
    if (node.value === null || typeof node.value !== 'object') continue;
    if (node.depth >= max) {
      const path: Array<string | number> = [];
      for (let i = at; i > 0; i = seen[i]!.parent) path.unshift(seen[i]!.key!);
      return path;
    }
    const entries = Array.isArray(node.value) ? node.value.map((v, i) => [i, v] as const) : Object.entries(node.value);
    for (const [key, value] of entries) if (value !== null && typeof value === 'object') stack.push({ value, depth: node.depth + 1, key, parent: at });
  }
  return null;
}

/** The first field given twice in one object (valid JSON, nesting already bounded). */
function duplicateKey(text: string): JsonTextIssue | null {
  const open: Array<Set<string>> = [];
  let found: JsonTextIssue | null = null;
  visit(text, {
    onObjectBegin: () => void open.push(new Set()),
    onObjectEnd: () => void open.pop(),
    onObjectProperty: (name, _offset, _length, startLine, _startCharacter, pathSupplier) => {
      const keys = open.at(-1)!;
      if (keys.has(name) && found === null) found = { path: [...pathSupplier(), printable(name)], message: `the field "${printable(name)}" is given twice in one object`, line: startLine + 1, syntax: false };
      keys.add(name);
    },
  });
  return found;
}

export function parseJsonText(raw: string): JsonText {
  const text = raw.startsWith(BOM) ? raw.slice(1) : raw;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    if (text.trim() === '') return { ok: false, issue: { path: [], message: 'invalid JSON: empty', line: null, syntax: true } };
    // JSON.parse's message quotes the input (control characters and all); jsonc-parser says where, and only that.
    const errors: ParseError[] = [];
    try {
      parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    } catch {
      // jsonc-parser recurses: broken text nested thousands deep overflows its stack.
      return { ok: false, issue: { path: [], message: `invalid JSON (nested more than ${MAX_JSON_DEPTH} levels deep, and not closed)`, line: null, syntax: true } };
    }
    const first = errors[0];
    if (!first) return { ok: false, issue: { path: [], message: 'invalid JSON', line: null, syntax: true } };
    const line = lineAt(text, first.offset);
    const column = first.offset - text.lastIndexOf('\n', first.offset - 1);
    return { ok: false, issue: { path: [], message: `invalid JSON (${printParseErrorCode(first.error)} at line ${line}, column ${column})`, line, syntax: true } };
  }
  const deep = tooDeep(json);
  if (deep) return { ok: false, issue: { path: deep, message: `nested more than ${MAX_JSON_DEPTH} levels deep; no part of the contract nests so deep`, line: null, syntax: false } };
  const twice = duplicateKey(text);
  return twice ? { ok: false, issue: twice } : { ok: true, json };
}
