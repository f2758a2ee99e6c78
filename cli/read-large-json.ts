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

/** What the reader hands on as it goes: a section (a member of the object) begins, an element of it is parsed. */
export interface JsonSectionSink {
  section(name: string): void;
  element(value: unknown, line: number): void;
}

export async function readLargeJsonObject(file: string, chunkBytes = 1 << 22): Promise<LargeJson> {
  const json: Record<string, unknown[]> = {};
  const lines = new Map<string, number[]>();
  let section: unknown[] = [];
  let sectionLines: number[] = [];
  await readJsonSections(
    file,
    {
      section(name) {
        section = json[name] = [];
        lines.set(name, (sectionLines = []));
      },
      element(value, line) {
        section.push(value);
        sectionLines.push(line);
      },
    },
    chunkBytes,
  );
  return {
    json,
    lineOf(path) {
      const [name, index] = path;
      return typeof name === 'string' && typeof index === 'number' ? (lines.get(name)?.[index] ?? null) : null;
    },
  };
}

/** What may come next outside the elements: the grammar of an object of arrays. */
const enum Next {
  Object,
  KeyOrClose,
  Key,
  Colon,
  Array,
  CommaOrClose,
  ElementOrEnd,
  Element,
  CommaOrEnd,
  Nothing,
}

/** Elements parsed by one call of `parse`: one string and one parse per batch, not per member. */
const BATCH = 256;

/**
 * The end of a string whose content starts at `from`: the index of its closing
 * quote, or -1 when the chunk ends first. Jumps from quote to quote (a native
 * search), counting the backslashes before each; `escaped` says the byte at
 * `from` is escaped by a backslash that ended the previous chunk.
 */
function closingQuote(chunk: Buffer, from: number, escaped: boolean): number {
  let i = escaped ? from + 1 : from;
  for (;;) {
    const q = chunk.indexOf(QUOTE, i);
    if (q === -1) return -1;
    let k = q - 1;
    while (k >= i && chunk[k] === BACKSLASH) k--;
    if ((q - 1 - k) % 2 === 0) return q;
    i = q + 1;
  }
}

/** Whether a string cut at the chunk's end leaves its last byte escaping the next chunk's first. */
function endsEscaped(chunk: Buffer, from: number, escaped: boolean): boolean {
  const first = escaped ? from + 1 : from;
  let k = chunk.length - 1;
  while (k >= first && chunk[k] === BACKSLASH) k--;
  return (chunk.length - 1 - k) % 2 === 1;
}

/**
 * The object's arrays, element by element, to `sink`; nothing of the document
 * is kept here. Elements that lie whole in one chunk are parsed in batches
 * (`parse` gets the text of a JSON array of them); a batch that fails is
 * parsed again element by element, so the error names the element's line.
 */
export async function readJsonSections(file: string, sink: JsonSectionSink, chunkBytes = 1 << 22, parse: (text: string) => unknown = JSON.parse): Promise<void> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let line = 1;
  let key: number[] | null = null;
  let inSection = false;
  /** What JSON allows next at the top two levels. */
  let next = Next.Object;
  /** An element cut by a chunk's end: its parts so far, and the line it began on. */
  let parts: Buffer[] = [];
  let partLine = 0;
  /** The batch: elements of the current chunk not yet parsed, by start, end and line. */
  const starts: number[] = [];
  const ends: number[] = [];
  const lines: number[] = [];
  let start = -1;
  let elementLine = 0;
  const fail = (detail: string, at = line): never => {
    throw new InputError(file, at, null, detail);
  };
  const parseOne = (text: string, at: number): unknown => {
    try {
      return parse(text);
    } catch {
      return fail('invalid JSON', at);
    }
  };
  const flush = (chunk: Buffer): void => {
    if (starts.length === 0) return;
    let values: unknown[] | null = null;
    if (starts.length > 1) {
      try {
        values = parse(`[${chunk.toString('utf8', starts[0], ends.at(-1))}]`) as unknown[];
      } catch {
        values = null;
      }
    }
    for (let k = 0; k < starts.length; k++) sink.element(values ? values[k] : parseOne(chunk.toString('utf8', starts[k], ends[k]), lines[k]!), lines[k]!);
    starts.length = ends.length = lines.length = 0;
  };

  let first = true;
  for await (const chunk of createReadStream(file, { highWaterMark: chunkBytes }) as AsyncIterable<Buffer>) {
    // A leading byte order mark is skipped, as parseJsonText skips it (chunks are far longer than its 3 bytes).
    let i = first && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
    first = false;
    if (parts.length > 0) start = 0;
    for (; i < chunk.length; i++) {
      if (inString) {
        if (key && depth === 1) {
          // A section's name, byte by byte (names are short).
          const b = chunk[i]!;
          if (escaped) escaped = false;
          else if (b === BACKSLASH) escaped = true;
          else if (b === QUOTE) inString = false;
          if (inString && !(b === BACKSLASH && escaped)) key.push(b);
          continue;
        }
        const q = closingQuote(chunk, i, escaped);
        if (q === -1) {
          escaped = endsEscaped(chunk, i, escaped);
          i = chunk.length;
          break;
        }
        escaped = false;
        inString = false;
        i = q;
        continue;
      }
      const b = chunk[i]!;
      if (b === NEWLINE) {
        line++;
        continue;
      }
      if (isSpace(b)) continue;
      if (depth >= 3) {
        if (b === QUOTE) inString = true;
      } else if (depth === 2) {
        // Between elements: an element, a comma or the end, as JSON allows them (no trailing comma).
        if ((b === OPEN_OBJECT || b === OPEN_ARRAY) && next !== Next.CommaOrEnd) {
          start = i;
          elementLine = line;
          depth = 3;
          next = Next.CommaOrEnd;
          continue;
        } else if (b === COMMA && next === Next.CommaOrEnd) {
          next = Next.Element;
        } else if (b === CLOSE_ARRAY && next !== Next.Element) {
          flush(chunk);
          inSection = false;
          depth = 1;
          next = Next.CommaOrClose;
        } else {
          fail('expected objects in the arrays of the snapshot');
        }
      } else if (depth === 1) {
        if (b === QUOTE && (next === Next.KeyOrClose || next === Next.Key)) {
          inString = true;
          key = [];
          next = Next.Colon;
        } else if (b === 0x3a && next === Next.Colon && key) {
          next = Next.Array;
        } else if (b === OPEN_ARRAY && next === Next.Array && key) {
          sink.section(Buffer.from(key).toString('utf8'));
          inSection = true;
          key = null;
          depth = 2;
          next = Next.ElementOrEnd;
        } else if (b === COMMA && next === Next.CommaOrClose) {
          next = Next.Key;
        } else if (b === CLOSE_OBJECT && (next === Next.CommaOrClose || next === Next.KeyOrClose)) {
          depth = 0;
          next = Next.Nothing;
        } else {
          fail('expected an object of arrays (an org snapshot)');
        }
      } else if (b === OPEN_OBJECT && next === Next.Object) {
        depth = 1;
        next = Next.KeyOrClose;
      } else {
        fail(next === Next.Nothing ? 'unexpected content after the object' : 'expected a JSON object');
      }
      if (depth < 3 || b === QUOTE) continue;
      if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
        depth++;
      } else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
        depth--;
        if (depth !== 2) continue;
        if (parts.length > 0) {
          // The element begun in an earlier chunk: parsed alone.
          parts.push(chunk.subarray(0, i + 1));
          sink.element(parseOne(Buffer.concat(parts).toString('utf8'), partLine), partLine);
          parts = [];
        } else {
          starts.push(start);
          ends.push(i + 1);
          lines.push(elementLine);
          if (starts.length === BATCH) flush(chunk);
        }
        start = -1;
      }
    }
    flush(chunk);
    if (start >= 0) {
      if (parts.length === 0) partLine = elementLine;
      parts.push(chunk.subarray(start));
    }
  }
  if (next !== Next.Nothing || inString) fail('unexpected end of the file');
}
