/**
 * The fast path compiled from a zod schema (shared/contract/fast-parse.ts)
 * against zod itself, on the example's events and org and on mutations of
 * them: whenever the fast path answers, zod accepts and gives the same
 * value; an input it refuses is left as it came; every real record takes
 * the fast path; the errors of a fast parser are zod's.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { compileFastParse, fastParser, UNSURE } from '../../../shared/contract/fast-parse.ts';
import { parseWith } from '../../../shared/contract/issues.ts';
import { Leader, Member, OrgSnapshot, Unit } from '../../../shared/contract/org.ts';
import { CheckedMeetingEvent } from '../../../shared/quality/checked-event.ts';

const root = new URL('../../../examples/yen-bai-q1/', import.meta.url);
const events: unknown[] = readFileSync(new URL('events.jsonl', root), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l));
const org = JSON.parse(readFileSync(new URL('org.json', root), 'utf8')) as { units: unknown[]; members: unknown[]; leaders: unknown[] };

/** A value somewhere inside a JSON value, replaced, deleted, or given a sibling: the mutations an input may carry. */
type Mutation = { path: number[]; action: 'replace' | 'delete' | 'add'; value: unknown; key: string };

function mutate(input: unknown, m: Mutation): unknown {
  const copy = structuredClone(input);
  let node: unknown = copy;
  for (const [depth, step] of m.path.entries()) {
    if (node === null || typeof node !== 'object') break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[step % keys.length]!;
    const container = node as Record<string, unknown>;
    const child = container[key];
    if (depth === m.path.length - 1 || child === null || typeof child !== 'object') {
      if (m.action === 'replace') container[key] = m.value;
      else if (Array.isArray(node)) {
        // JSON arrays hold elements only.
        if (m.action === 'delete') node.splice(Number(key), 1);
        else node.push(m.value);
      } else if (m.action === 'delete') delete container[key];
      else container[m.key] = m.value;
      return copy;
    }
    node = child;
  }
  return copy;
}

const mutation = fc.record({
  path: fc.array(fc.nat(40), { minLength: 1, maxLength: 4 }),
  action: fc.constantFrom('replace' as const, 'delete' as const, 'add' as const),
  value: fc.oneof(
    fc.jsonValue(),
    fc.constantFrom('', ' x ', 'Ho\u0300a', '\u200b', '2026-02-30', '2026-01-05T19:30:00', '2026-01-05T19:30:00+07:00', 'present', 'excused', 'cell', -1, 0, 1.5, 101, 1e9, null, [], {}),
  ),
  key: fc.constantFrom('extra', 'status', '__proto__', 'type'),
});

/** The property: the fast path answers only what zod answers, and leaves what it refuses untouched. */
function agrees(schema: z.ZodType, input: unknown): void {
  const fast = compileFastParse(schema);
  const mine = structuredClone(input);
  const answer = fast(mine);
  const zod = schema.safeParse(structuredClone(input));
  if (answer === UNSURE) expect(mine).toStrictEqual(input);
  else {
    expect(zod.success).toBe(true);
    expect(answer).toEqual(zod.data);
  }
}

describe('the fast path compiled from a schema', () => {
  const cases: Array<[string, z.ZodType, unknown[]]> = [
    ['events', CheckedMeetingEvent, events],
    ['units', Unit, org.units],
    ['members', Member, org.members],
    ['leaders', Leader, org.leaders],
  ];

  it.each(cases)('takes every valid record of the example (%s) and gives zod’s value', (_name, schema, list) => {
    const fast = compileFastParse(schema);
    for (const input of list) {
      const answer = fast(structuredClone(input));
      expect(answer).not.toBe(UNSURE);
      expect(answer).toEqual(schema.parse(input));
    }
  });

  it.each(cases)('answers only what zod answers, on mutated %s', (_name, schema, list) => {
    fc.assert(
      fc.property(fc.nat(list.length - 1), mutation, (i, m) => agrees(schema, mutate(list[i], m))),
      { numRuns: 1500 },
    );
  });

  it('parses a whole org snapshot in place, with its defaults and NFC text', () => {
    const json = structuredClone(org) as { members: Array<Record<string, unknown>> };
    json.members[0]!['name'] = 'Hoàng Văn Minh'.normalize('NFD');
    const expected = OrgSnapshot.parse(structuredClone(json));
    const answer = compileFastParse(OrgSnapshot, { owned: true })(json) as z.infer<typeof OrgSnapshot>;
    expect(answer).toBe(json);
    expect(answer.members[0]!.name).toBe('Hoàng Văn Minh'.normalize('NFC'));
    expect(answer.members[0]!.exemptions).toEqual([]);
    expect(answer).toEqual(expected);
  });

  it('words every error as zod does, also on input it owns and has partly completed', () => {
    fc.assert(
      fc.property(fc.nat(events.length - 1), mutation, (i, m) => {
        const input = mutate(events[i], m);
        const zod = parseWith(CheckedMeetingEvent, structuredClone(input));
        const fast = fastParser(CheckedMeetingEvent)(structuredClone(input));
        if (zod.ok) expect(fast.ok).toBe(true);
        else expect(fast).toEqual(zod);
        const owned = compileFastParse(CheckedMeetingEvent, { owned: true });
        const mine = structuredClone(input);
        if (owned(mine) === UNSURE) expect(parseWith(CheckedMeetingEvent, mine)).toEqual(zod);
      }),
      { numRuns: 1500 },
    );
  });

  it('leaves to zod the parts of a schema it does not know', () => {
    const Tree: z.ZodType = z.lazy(() => z.strictObject({ id: z.string() }));
    expect(compileFastParse(Tree)({ id: 'a' })).toBe(UNSURE);
    // A union whose first option cannot be compiled must not answer with a later one: zod's first match could differ.
    const Either = z.union([z.lazy(() => z.string().transform((s) => `first:${s}`)), z.string()]);
    expect(compileFastParse(Either)('x')).toBe(UNSURE);
    expect(Either.parse('x')).toBe('first:x');
  });
});
