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

/** The 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * How many field names valid JSON text holds: strings followed by a colon.
 * Outside strings JSON has no quote, so the scan jumps from quote to quote;
 * three times faster than a regular expression, on every line of every file.
 */
function fieldNamesIn(text: string): number {
  let names = 0;
  let open = text.indexOf('"');
  while (open !== -1) {
    let close = text.indexOf('"', open + 1);
    for (;;) {
      let backslashes = 0;
      for (let j = close - 1; text.charCodeAt(j) === 0x5c; j--) backslashes++;
      if (backslashes % 2 === 0) break;
      close = text.indexOf('"', close + 1);
    }
    let next = close + 1;
    let c = text.charCodeAt(next);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(++next);
    if (c === 0x3a) names++;
    open = text.indexOf('"', next);
  }
  return names;
}

interface Walk {
  /** Fields of every object, as parsed: fewer than in the text when a field was given twice. */
  fields: number;
  /** The path to the first value nested deeper than the limit, or null. */
  tooDeep: Array<string | number> | null;
}

/** One iterative walk of a parsed value (any depth is safe): its fields counted, its depth bounded. */
function walk(json: unknown, max: number): Walk {
  const stack: Array<{ value: object; depth: number; key: string | number | null; parent: number }> = [];
  const seen: typeof stack = [];
  let fields = 0;
  if (json !== null && typeof json === 'object') stack.push({ value: json, depth: 0, key: null, parent: -1 });
  while (stack.length > 0) {
    const node = stack.pop()!;
    const at = seen.push(node) - 1;
    if (node.depth >= max) {
      const path: Array<string | number> = [];
      for (let i = at; i > 0; i = seen[i]!.parent) path.unshift(seen[i]!.key!);
      return { fields, tooDeep: path };
    }
    if (Array.isArray(node.value)) {
      for (let i = 0; i < node.value.length; i++) {
        const value: unknown = node.value[i];
        if (value !== null && typeof value === 'object') stack.push({ value, depth: node.depth + 1, key: i, parent: at });
      }
      continue;
    }
    const keys = Object.keys(node.value);
    fields += keys.length;
    for (const key of keys) {
      const value: unknown = (node.value as Record<string, unknown>)[key];
      if (value !== null && typeof value === 'object') stack.push({ value, depth: node.depth + 1, key, parent: at });
    }
  }
  return { fields, tooDeep: null };
}

/** Fields of every object in a parsed value, or -1 when it nests deeper than the limit (recursion bounded by it). */
function countFields(json: unknown, depth: number): number {
  if (json === null || typeof json !== 'object') return 0;
  if (depth >= MAX_JSON_DEPTH) return -1;
  let fields = 0;
  if (Array.isArray(json)) {
    for (let i = 0; i < json.length; i++) {
      const n = countFields(json[i], depth + 1);
      if (n < 0) return -1;
      fields += n;
    }
    return fields;
  }
  for (const key in json) {
    fields++;
    const n = countFields((json as Record<string, unknown>)[key], depth + 1);
    if (n < 0) return -1;
    fields += n;
  }
  return fields;
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
  // The common case, bounded and without garbage; the walk that finds the path runs only on a value too deep.
  const fields = countFields(json, 0);
  const walked: Walk = fields >= 0 ? { fields, tooDeep: null } : walk(json, MAX_JSON_DEPTH);
  if (walked.tooDeep) return { ok: false, issue: { path: walked.tooDeep, message: `nested more than ${MAX_JSON_DEPTH} levels deep; no part of the contract nests so deep`, line: null, syntax: false } };
  // Counting is cheap and exact: JSON.parse keeps one field per name, so fewer parsed fields than names in the text means a name was repeated; only then is the text parsed again to say where.
  if (walked.fields === fieldNamesIn(text)) return { ok: true, json };
  const twice = duplicateKey(text);
  return twice ? { ok: false, issue: twice } : { ok: true, json };
}
