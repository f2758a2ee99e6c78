/**
 * The hostile-input corpus (test/fixtures/hostile/*.jsonl) as the tests use
 * it: each case's input built from its spec. The fixtures are data; big
 * inputs are generator specs expanded here, so the files stay small.
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod';

const FIXTURES = new URL('../fixtures/hostile/', import.meta.url);

const Expectation = z.strictObject({
  status: z.number().int(),
  /** The path (dotted, as the API says it) one of the errors must name; the CLI names it as attendance[0].status. */
  field: z.string().optional(),
  /** Text the answer must contain when there is no path to name. */
  mentions: z.string().optional(),
  /** 0 accepted, 2 refused; null: the case has no CLI form (a query parameter no command has). */
  cliExit: z.union([z.literal(0), z.literal(2), z.null()]),
  /** For an array of events, the index the error names. */
  index: z.number().int().optional(),
  /** The CLI over files (`chibo evaluate`) when it differs: it has no body limit, no store of past meetings, no token. */
  evaluate: z.strictObject({ cliExit: z.union([z.literal(0), z.literal(2)]), field: z.string().optional() }).optional(),
  /** The CLI against the monitor (`chibo import`, `chibo record`) when it differs. */
  remote: z.strictObject({ cliExit: z.union([z.literal(0), z.literal(2)]), mentions: z.string().optional() }).optional(),
  /** For an accepted org: what the store holds afterwards ([collection, id, ...field]). */
  stored: z.array(z.strictObject({ path: z.array(z.union([z.string(), z.number()])), value: z.unknown() })).optional(),
});

const TextPart = z.union([z.string(), z.strictObject({ repeat: z.string(), times: z.number().int().positive() })]);
const Path = z.array(z.union([z.string(), z.number().int()]));
const Input = z.union([
  z.strictObject({ text: z.union([z.string(), z.array(TextPart)]) }),
  z.strictObject({ json: z.unknown() }),
  z.strictObject({
    base: z.literal(true),
    set: z.array(z.tuple([Path, z.unknown()])).optional(),
    unset: z.array(Path).optional(),
    /** A byte order mark before the JSON. */
    bom: z.literal(true).optional(),
    /** This many spaces after the JSON. */
    pad: z.number().int().positive().optional(),
  }),
  z.strictObject({ query: z.string() }),
]);

export const HostileCase = z.strictObject({
  id: z.string(),
  description: z.string(),
  target: z.enum(['org', 'events', 'query:findings', 'query:obligations', 'query:report']),
  input: Input,
  expected: Expectation,
  /** The token the case is sent with: the admin's unless said. */
  as: z.enum(['admin', 'recorder']).optional(),
});
export type HostileCase = z.infer<typeof HostileCase>;

export const base = JSON.parse(readFileSync(new URL('base.json', FIXTURES), 'utf8')) as { org: Record<string, unknown>; event: Record<string, unknown> };

export function loadCorpus(file: string): HostileCase[] {
  return readFileSync(new URL(file, FIXTURES), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const parsed = HostileCase.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${z.prettifyError(parsed.error)}`);
      return parsed.data;
    });
}

/** Nesting deeper than JSON.stringify can recurse: a marker replaced in the text afterwards. */
const NEST = (n: number) => `\u0000nest:${n}\u0000`;

/** Generator specs inside a value: {"$repeat": s, "times": n}, {"$array": {"times": n, "item": x}} ({i} in strings is the index), {"$nest": n}. */
function expand(value: unknown, i?: number): unknown {
  if (typeof value === 'string') return i === undefined ? value : value.replaceAll('{i}', String(i));
  if (Array.isArray(value)) return value.map((v) => expand(v, i));
  if (value === null || typeof value !== 'object') return value;
  const spec = value as Record<string, unknown>;
  if (typeof spec['$repeat'] === 'string') return spec['$repeat'].repeat(spec['times'] as number);
  if (typeof spec['$nest'] === 'number') return NEST(spec['$nest']);
  if (spec['$array'] !== undefined) {
    const { times, item } = spec['$array'] as { times: number; item: unknown };
    return Array.from({ length: times }, (_, j) => expand(item, j));
  }
  // Own data properties, so a key "__proto__" stays a key.
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(spec)) Object.defineProperty(out, k, { value: expand(v, i), enumerable: true, writable: true, configurable: true });
  return out;
}

function stringify(value: unknown): string {
  return JSON.stringify(value).replace(/"\\u0000nest:(\d+)\\u0000"/g, (_, n: string) => '['.repeat(Number(n)) + ']'.repeat(Number(n)));
}

function walk(root: unknown, path: ReadonlyArray<string | number>): Record<string | number, unknown> {
  let node = root as Record<string | number, unknown>;
  for (const key of path) node = node[key] as Record<string | number, unknown>;
  return node;
}

/** The case's JSON value before it is text: the base with its changes, or its literal JSON. */
function valueOf(c: HostileCase): unknown {
  const input = c.input;
  if ('json' in input) return expand(input.json);
  if (!('base' in input)) throw new Error(`${c.id}: no value`);
  const value = structuredClone(c.target === 'org' ? base.org : base.event);
  for (const path of input.unset ?? []) delete walk(value, path.slice(0, -1))[path.at(-1)!];
  for (const [path, v] of input.set ?? []) Object.defineProperty(walk(value, path.slice(0, -1)), path.at(-1)!, { value: expand(v), enumerable: true, writable: true, configurable: true });
  return value;
}

/** The request body (and the org file) of a case. */
export function bodyOf(c: HostileCase): string {
  const input = c.input;
  if ('text' in input) return typeof input.text === 'string' ? input.text : input.text.map((p) => (typeof p === 'string' ? p : p.repeat.repeat(p.times))).join('');
  const text = stringify(valueOf(c));
  if ('base' in input) return `${input.bom ? '\uFEFF' : ''}${text}${' '.repeat(input.pad ?? 0)}`;
  return text;
}

/** The events of a case as a JSON Lines file: an array one event a line, anything else as the body is. */
export function eventsFileOf(c: HostileCase): string {
  if ('json' in c.input) {
    const value = valueOf(c);
    if (Array.isArray(value)) return value.map((e) => stringify(e)).join('\n') + '\n';
  }
  return bodyOf(c);
}
