/**
 * A JSON document too large for one string (V8 caps a string near 512 MB; a
 * country's org snapshot is larger): read as a stream when it is an object
 * whose members are arrays, as the org snapshot is, parsing each array
 * element on its own. Each element's line is kept, so an error still names
 * the line of the offending entity.
 */
import { createReadStream } from 'node:fs';
import { InputError } from './input-error.ts';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const isSpace = (b: number): boolean => b === 0x20 || b === NEWLINE || b === 0x0d || b === 0x09;

export interface LargeJson {
  json: Record<string, unknown[]>;
  /** The line an element starts on: `lineOf(['members', 12])`. */
  lineOf(path: ReadonlyArray<PropertyKey>): number | null;
}

export async function readLargeJsonObject(file: string, chunkBytes = 1 << 22): Promise<LargeJson> {
  const json: Record<string, unknown[]> = {};
  const lines = new Map<string, number[]>();
  let depth = 0;
  let inString = false;
  let escaped = false;
  let line = 1;
  let key: number[] | null = null;
  let section: unknown[] | null = null;
  let sectionLines: number[] = [];
  /** The element being read: its chunks and the line it began on. */
  let parts: Buffer[] = [];
  let start = -1;
  let elementLine = 0;
  const fail = (detail: string, at = line): never => {
    throw new InputError(file, at, null, detail);
  };
  const finish = (chunk: Buffer, end: number): void => {
    // Most elements lie in one chunk: decoded straight from it, with no copy.
    let text: string;
    if (parts.length === 0) text = chunk.toString('utf8', start, end);
    else {
      parts.push(chunk.subarray(start, end));
      text = Buffer.concat(parts).toString('utf8');
    }
    try {
      section!.push(JSON.parse(text));
    } catch {
      fail('invalid JSON', elementLine);
    }
    sectionLines.push(elementLine);
    parts = [];
    start = -1;
  };

  for await (const chunk of createReadStream(file, { highWaterMark: chunkBytes }) as AsyncIterable<Buffer>) {
    if (start >= 0) start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === NEWLINE) line++;
      if (inString) {
        if (escaped) escaped = false;
        else if (b === BACKSLASH) escaped = true;
        else if (b === QUOTE) inString = false;
        else if (key && depth === 1) key.push(b);
        continue;
      }
      if (b === QUOTE) {
        inString = true;
        if (depth === 1 && section === null) key = [];
        continue;
      }
      if (isSpace(b)) continue;
      if (depth === 0) {
        if (b !== OPEN_OBJECT) fail('expected a JSON object');
        depth = 1;
      } else if (depth === 1) {
        if (b === OPEN_ARRAY && key) {
          const name = Buffer.from(key).toString('utf8');
          section = json[name] = [];
          lines.set(name, (sectionLines = []));
          key = null;
          depth = 2;
        } else if (b === CLOSE_OBJECT) {
          depth = 0;
        } else if (b !== COMMA && b !== 0x3a) {
          fail('expected an object of arrays (an org snapshot)');
        }
      } else if (depth === 2) {
        if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
          start = i;
          elementLine = line;
          depth = 3;
        } else if (b === CLOSE_ARRAY) {
          section = null;
          depth = 1;
        } else if (b !== COMMA) {
          fail('expected objects in the arrays of the snapshot');
        }
      } else {
        if (b === OPEN_OBJECT || b === OPEN_ARRAY) depth++;
        else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
          depth--;
          if (depth === 2) finish(chunk, i + 1);
        }
      }
    }
    if (start >= 0) parts.push(chunk.subarray(start));
  }
  if (depth !== 0 || inString) fail('unexpected end of the file');
  return {
    json,
    lineOf(path) {
      const [name, index] = path;
      return typeof name === 'string' && typeof index === 'number' ? (lines.get(name)?.[index] ?? null) : null;
    },
  };
}
