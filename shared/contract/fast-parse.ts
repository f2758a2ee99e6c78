/**
 * A fast path compiled from a zod schema, for inputs read by the million (the
 * events of a file, the members of a country's org). The schema stays the one
 * source of truth: the compiled function walks the schema's own definition,
 * runs its own checks and refinements, and builds the output zod would build,
 * without zod's per-value payloads and issue lists. It answers only "valid,
 * and here is zod's output" or "not sure": on "not sure" (an invalid value, or
 * a schema part it does not know) the caller runs zod, which words the error.
 * `test/unit/contract/fast-parse.test.ts` checks both agree on generated and
 * mutated inputs.
 */
import type * as z from 'zod';
import type { Parsed } from './issues.ts';
import { parseWith } from './issues.ts';

/** The compiled function's "not sure": zod decides. */
export const UNSURE: unique symbol = Symbol('unsure');
type Fast = (input: unknown) => unknown;

/** Zod's internal view of a schema or a check: what the compiler reads. */
interface Internal {
  _zod: {
    def: Record<string, unknown> & { type?: string; check?: string; checks?: Internal[] };
    check?: (payload: { value: unknown; issues: unknown[] }) => unknown;
  };
}

const unsure: Fast = () => UNSURE;
/**
 * The writes that turn the input into zod's output, made as parsing goes (a
 * refinement sees the completed value), each with what it replaced
 * (container, key, previous, …), undone when the input turns out invalid, so
 * zod sees it as it came. One log: parsing is synchronous, never reentrant.
 */
const undo: unknown[] = [];
const ABSENT = Symbol('absent');
/** False while parsing input its caller owns and drops (see `owned`). */
let logging = true;

function write(container: Record<PropertyKey, unknown>, key: PropertyKey, value: unknown): void {
  if (logging) undo.push(container, key, Object.hasOwn(container, key) ? container[key] : ABSENT);
  container[key] = value;
}

function rollBack(): void {
  for (let i = undo.length - 3; i >= 0; i -= 3) {
    const container = undo[i] as Record<PropertyKey, unknown>;
    const key = undo[i + 1] as PropertyKey;
    const previous = undo[i + 2];
    if (previous === ABSENT) delete container[key];
    else container[key] = previous;
  }
  undo.length = 0;
}
/** Schema parts compiled to `unsure` so far: a union whose options hold one cannot know zod's first match. */
let unsupported = 0;
const notCompiled = (): Fast => {
  unsupported++;
  return unsure;
};

/** One check, as zod would run it on a value that passed the type: true when it adds no issue. */
function compileCheck(check: Internal): (value: unknown) => boolean {
  const def = check._zod.def;
  switch (def.check) {
    case 'max_length': {
      const max = def['maximum'] as number;
      return (v) => (v as { length: number }).length <= max;
    }
    case 'min_length': {
      const min = def['minimum'] as number;
      return (v) => (v as { length: number }).length >= min;
    }
    case 'string_format':
      if (def['format'] === 'regex') {
        const pattern = def['pattern'] as RegExp;
        return (v) => {
          pattern.lastIndex = 0;
          return pattern.test(v as string);
        };
      }
      break;
    case 'number_format':
      if (def['format'] === 'safeint') return (v) => Number.isSafeInteger(v);
      break;
    case 'greater_than': {
      const bound = def['value'] as number;
      return def['inclusive'] === true ? (v) => (v as number) >= bound : (v) => (v as number) > bound;
    }
    case 'less_than': {
      const bound = def['value'] as number;
      return def['inclusive'] === true ? (v) => (v as number) <= bound : (v) => (v as number) < bound;
    }
    case 'custom':
      // .refine: a predicate; a truthy answer other than a promise passes.
      if (typeof def['fn'] === 'function' && def['when'] === undefined) {
        const fn = def['fn'] as (v: unknown) => unknown;
        return (v) => {
          const r = fn(v);
          return Boolean(r) && !(r instanceof Promise);
        };
      }
      break;
  }
  // Any other check (superRefine among them): zod's own, on a payload of ours; it may only add issues.
  const run = check._zod.check;
  if (!run || def['when'] !== undefined) return () => false;
  return (v) => {
    const payload = { value: v, issues: [] as unknown[] };
    const r = run(payload);
    return payload.issues.length === 0 && payload.value === v && !(r instanceof Promise);
  };
}

function withChecks(schema: Internal, parse: Fast): Fast {
  const checks = (schema._zod.def.checks ?? []).map(compileCheck);
  if (checks.length === 0) return parse;
  return (input) => {
    const value = parse(input);
    if (value === UNSURE) return UNSURE;
    for (const check of checks) if (!check(value)) return UNSURE;
    return value;
  };
}

function compileNode(schema: Internal): Fast {
  const def = schema._zod.def;
  switch (def.type) {
    case 'string':
      return withChecks(schema, (v) => (typeof v === 'string' ? v : UNSURE));
    case 'number':
      return withChecks(schema, (v) => (typeof v === 'number' && Number.isFinite(v) ? v : UNSURE));
    case 'boolean':
      return withChecks(schema, (v) => (typeof v === 'boolean' ? v : UNSURE));
    case 'enum': {
      const values = new Set(Object.values(def['entries'] as Record<string, unknown>));
      return withChecks(schema, (v) => (values.has(v) ? v : UNSURE));
    }
    case 'literal': {
      const values = new Set(def['values'] as unknown[]);
      return withChecks(schema, (v) => (values.has(v) ? v : UNSURE));
    }
    case 'nullable': {
      const inner = compileNode(def['innerType'] as Internal);
      return withChecks(schema, (v) => (v === null ? null : inner(v)));
    }
    case 'optional': {
      const inner = compileNode(def['innerType'] as Internal);
      return withChecks(schema, (v) => (v === undefined ? undefined : inner(v)));
    }
    case 'default': {
      const inner = compileNode(def['innerType'] as Internal);
      // Read each time, as zod does: a default array is a new one for every value.
      return withChecks(schema, (v) => (v === undefined ? def['defaultValue'] : inner(v)));
    }
    case 'array':
      return withChecks(schema, compileArray(compileNode(def['element'] as Internal)));
    case 'object':
      return withChecks(schema, compileObject(schema));
    case 'record':
      return withChecks(schema, compileRecord(def['keyType'] as Internal, def['valueType'] as Internal));
    case 'union':
      return withChecks(schema, compileUnion(schema));
    case 'pipe': {
      const first = compileNode(def['in'] as Internal);
      const second = compileNode(def['out'] as Internal);
      return withChecks(schema, (v) => {
        const mid = first(v);
        return mid === UNSURE ? UNSURE : second(mid);
      });
    }
    case 'transform': {
      const transform = def['transform'] as (v: unknown, payload: unknown) => unknown;
      return withChecks(schema, (v) => {
        const payload = { value: v, issues: [] as unknown[] };
        const out = transform(v, payload);
        return payload.issues.length > 0 || out instanceof Promise ? UNSURE : out;
      });
    }
    default:
      return notCompiled();
  }
}

function compileArray(element: Fast): Fast {
  return (v) => {
    if (!Array.isArray(v)) return UNSURE;
    for (let i = 0; i < v.length; i++) {
      const item = element(v[i]);
      if (item === UNSURE) return UNSURE;
      if (item !== v[i]) write(v as unknown as Record<PropertyKey, unknown>, i, item);
    }
    return v;
  };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function compileObject(schema: Internal): Fast {
  const def = schema._zod.def;
  const catchall = (def['catchall'] as Internal | undefined)?._zod.def.type;
  // strict (never: an unknown key fails) or strip (undefined: unknown keys are dropped); anything else is zod's.
  if (catchall !== undefined && catchall !== 'never') return notCompiled();
  const shape = def['shape'] as Record<string, Internal>;
  const fields = Object.keys(shape).map((key) => {
    const type = shape[key]!._zod.def.type;
    return { key, parse: compileNode(shape[key]!), absent: type === 'optional' ? ('skip' as const) : type === 'default' ? ('default' as const) : ('fail' as const) };
  });
  return (v) => {
    if (!isPlainObject(v)) return UNSURE;
    // Counted before defaults are written in: the input's own keys.
    let keys = 0;
    for (const _ in v) keys++;
    let present = 0;
    for (const field of fields) {
      const value = v[field.key];
      if (value === undefined) {
        // A key present with the value undefined is not JSON; zod decides.
        if (field.key in v || field.absent === 'fail') return UNSURE;
        if (field.absent === 'skip') continue;
      } else {
        present++;
      }
      const parsed = field.parse(value);
      if (parsed === UNSURE) return UNSURE;
      if (parsed !== value) write(v, field.key, parsed);
    }
    // Every key of the input is one of the shape's: strict refuses others, strip would drop them (zod decides).
    return keys === present ? v : UNSURE;
  };
}

function compileRecord(keyType: Internal, valueType: Internal): Fast {
  if (keyType._zod.def.type !== 'string') return notCompiled();
  const key = compileNode(keyType);
  const value = compileNode(valueType);
  return (v) => {
    if (!isPlainObject(v)) return UNSURE;
    for (const k of Object.keys(v)) {
      if (key(k) !== k) return UNSURE;
      const parsed = value(v[k]);
      if (parsed === UNSURE) return UNSURE;
      if (parsed !== v[k]) write(v, k, parsed);
    }
    return v;
  };
}

function compileUnion(schema: Internal): Fast {
  const def = schema._zod.def;
  const before = unsupported;
  const options = (def['options'] as Internal[]).map((o) => ({ schema: o, parse: compileNode(o) }));
  const discriminator = def['discriminator'] as string | undefined;
  if (discriminator === undefined) {
    if (unsupported !== before) return unsure;
    // Zod's union answers with the first option that passes.
    return (v) => {
      for (const option of options) {
        const out = option.parse(v);
        if (out !== UNSURE) return out;
      }
      return UNSURE;
    };
  }
  const byTag = new Map<unknown, Fast>();
  for (const option of options) {
    const tag = (option.schema._zod.def['shape'] as Record<string, Internal> | undefined)?.[discriminator]?._zod.def;
    if (tag?.type !== 'literal') return notCompiled();
    for (const value of tag['values'] as unknown[]) if (!byTag.has(value)) byTag.set(value, option.parse);
  }
  return (v) => {
    if (!isPlainObject(v)) return UNSURE;
    const parse = byTag.get(v[discriminator]);
    return parse ? parse(v) : UNSURE;
  };
}

export interface FastParseOptions {
  /**
   * The caller owns the input and drops it when it is invalid (a file just
   * parsed): the writes are not logged to be undone, which saves a country's
   * org millions of log entries. Zod may then see an invalid input partly
   * completed; its issues are the same, since each write is zod's own output
   * for the value it replaced (a default, text in NFC and trimmed), which zod
   * parses to itself.
   */
  owned?: boolean;
}

/**
 * The schema's fast path: for a valid input, the input itself completed in
 * place into zod's output (its defaults added, its transformed text
 * replaced); UNSURE, with the input as it came, otherwise. Objects are not
 * copied, so their fields keep the input's order where zod's copy has the
 * shape's; nothing downstream reads the order of a parsed value's fields.
 */
export function compileFastParse<S extends z.ZodType>(schema: S, options: FastParseOptions = {}): (input: unknown) => z.infer<S> | typeof UNSURE {
  const fast = compileNode(schema as unknown as Internal);
  const owned = options.owned === true;
  return (input) => {
    undo.length = 0;
    logging = !owned;
    let value: unknown;
    try {
      value = fast(input);
    } catch {
      // A refinement that throws on a value it did not expect: zod decides.
      value = UNSURE;
    }
    if (value === UNSURE) rollBack();
    undo.length = 0;
    return value as z.infer<S> | typeof UNSURE;
  };
}

/** `parseWith`, fast: zod runs only when the compiled path is not sure, so every error is zod's own. */
export function fastParser<S extends z.ZodType>(schema: S): (input: unknown) => Parsed<z.infer<S>> {
  const fast = compileFastParse(schema);
  return (input) => {
    const value = fast(input);
    return value === UNSURE ? parseWith(schema, input) : { ok: true, value };
  };
}
