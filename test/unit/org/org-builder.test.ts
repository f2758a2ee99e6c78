/**
 * The compact org (org-builder.ts, member-table.ts) against the snapshot
 * index (parseOrg): the same answers for every member, cell and reference,
 * and "not sure" for every org parseOrg refuses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UNSURE } from '../../../shared/contract/fast-parse.ts';
import { OrgBuilder, type OrgSection } from '../../../shared/org/org-builder.ts';
import type { OrgIndex } from '../../../shared/org/org-index.ts';
import { parseOrg } from '../../../shared/org/parse-org.ts';
import { exampleOrgJson } from '../../support/builders.ts';

type Json = Record<string, unknown[]>;

function build(json: Json, order: readonly OrgSection[] = ['units', 'members', 'leaders', 'packs']): OrgIndex | typeof UNSURE {
  const builder = new OrgBuilder();
  const copy = structuredClone(json);
  for (const section of order) {
    if (!(section in copy)) continue;
    if (!builder.begin(section)) return UNSURE;
    for (const element of copy[section]!) if (!builder.add(element)) return UNSURE;
  }
  for (const section of Object.keys(copy)) if (!order.includes(section as OrgSection) && !builder.begin(section)) return UNSURE;
  return builder.finish();
}

function expectSameIndex(json: Json, order?: readonly OrgSection[]): void {
  const slow = parseOrg(structuredClone(json));
  if (!slow.ok) throw new Error(`the fixture is invalid: ${slow.issues[0]!.message}`);
  const fast = build(json, order);
  if (fast === UNSURE) throw new Error('the builder was not sure of a valid org');
  const reference = slow.value;
  // The snapshot made up from the columns is the one zod gives (units and leaders keep the file's key order, as parseOwnedOrg keeps it).
  expect(fast.snapshot).toStrictEqual(reference.snapshot);
  for (const m of reference.snapshot.members) {
    expect(fast.members.get(m.id)).toStrictEqual(m);
    // Members are made up from the columns, keys in the schema's order as zod gives them.
    expect(JSON.stringify(fast.members.get(m.id))).toBe(JSON.stringify(m));
    expect(fast.members.cellOf(m.id)).toBe(m.cellId);
  }
  const candidates = [...reference.snapshot.members.map((m) => m.id), 'nobody'];
  for (const unit of reference.snapshot.units) {
    expect(fast.cellMembers(unit.id)).toStrictEqual(reference.cellMembers(unit.id));
    expect(fast.cellOfficers(unit.id, '2026-03-01')).toEqual(reference.cellOfficers(unit.id, '2026-03-01'));
    const [a, b] = [fast.references().unit(unit.id)!, reference.references().unit(unit.id)!];
    expect(a.path).toEqual(b.path);
    expect(candidates.filter((id) => a.attendees.has(id))).toEqual(candidates.filter((id) => b.attendees.has(id)));
  }
  for (const leader of reference.snapshot.leaders) expect(fast.leaderOwnCell(leader)).toBe(reference.leaderOwnCell(leader));
  expect(fast.members.get('nobody')).toBeUndefined();
  expect(fast.members.size).toBe(reference.snapshot.members.length);
}

const example = (): Json => exampleOrgJson() as unknown as Json;

describe('OrgBuilder', () => {
  it('gives the index parseOrg gives for the example org, whatever the order of its sections', () => {
    expectSameIndex(example());
    expectSameIndex(example(), ['leaders', 'members', 'units', 'packs']);
  });

  it('keeps every field of a member: status, dates, exemptions, a name typed decomposed', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            status: fc.constantFrom(undefined, 'full', 'probationary'),
            joinedOn: fc.constantFrom(undefined, '1990-05-01', '2025-12-31'),
            leftOn: fc.constantFrom(undefined, '2026-02-01'),
            exemptions: fc.constantFrom(undefined, [], [{ from: '2026-01-01', reason: 'ốm đau' }]),
            name: fc.constantFrom('Lò Thị Hoa', 'Lò Thi\u0323 Hoa', ' Đinh Văn A '),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        (fields) => {
          const json = example();
          const cells = (json['units'] as Array<{ id: string; kind: string }>).filter((u) => u.kind === 'cell').map((u) => u.id);
          const extra = fields.map((f, i) => Object.fromEntries(Object.entries({ id: `X-${i}`, cellId: cells[i % cells.length], ...f }).filter(([, v]) => v !== undefined)));
          json['members'] = [...extra.slice(0, 5), ...json['members']!, ...extra.slice(5)];
          expectSameIndex(json);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('is not sure of any org parseOrg refuses', () => {
    const firstCell = (json: Json) => (json['units'] as Array<{ id: string; kind: string }>).find((u) => u.kind === 'cell')!.id;
    const broken: Record<string, (json: Json) => void> = {
      'a member id twice': (j) => j['members']!.push({ ...(j['members']![0] as object) }),
      'a unit id twice': (j) => j['units']!.push({ ...(j['units']![1] as object) }),
      'a leader id twice': (j) => j['leaders']!.push({ ...(j['leaders']![0] as object) }),
      'an unknown cell': (j) => j['members']!.push({ id: 'X', name: 'X', cellId: 'nowhere' }),
      'a member of a unit that is not a cell': (j) => j['members']!.push({ id: 'X', name: 'X', cellId: (j['units']![0] as { id: string }).id }),
      'a cell under a cell': (j) => j['units']!.push({ id: 'CC', name: 'C', kind: 'cell', parentId: firstCell(j) }),
      'a cycle': (j) => j['units']!.push({ id: 'A', name: 'A', kind: 'district', parentId: 'B' }, { id: 'B', name: 'B', kind: 'district', parentId: 'A' }),
      'an unknown parent': (j) => j['units']!.push({ id: 'A', name: 'A', kind: 'district', parentId: 'nowhere' }),
      "a leader's unknown member": (j) => j['leaders']!.push({ id: 'LX', name: 'L', memberId: 'nobody' }),
      "a leader's unknown unit": (j) => j['leaders']!.push({ id: 'LX', name: 'L', positions: [{ unitId: 'nowhere', role: 'secretary' }] }),
      'a binding of an unknown unit': (j) => (j['packs'] = [{ pack: 'yb-qd18', unitId: 'nowhere', from: '2019-04-16' }]),
      'an empty name': (j) => j['members']!.push({ id: 'X', name: ' ', cellId: firstCell(j) }),
      'an unknown field': (j) => j['members']!.push({ id: 'X', name: 'X', cellId: firstCell(j), age: 3 }),
      'an unknown section': (j) => (j['extra'] = []),
      'no units': (j) => delete j['units'],
      'no members': (j) => delete j['members'],
      'a date that is not one': (j) => j['members']!.push({ id: 'X', name: 'X', cellId: firstCell(j), joinedOn: '2026-02-30' }),
    };
    for (const [what, breakIt] of Object.entries(broken)) {
      const json = example();
      breakIt(json);
      expect(parseOrg(structuredClone(json)).ok, what).toBe(false);
      expect(build(json), what).toBe(UNSURE);
    }
  });

  it('is not sure of a section given twice', () => {
    const builder = new OrgBuilder();
    expect(builder.begin('units')).toBe(true);
    expect(builder.begin('members')).toBe(true);
    expect(builder.begin('units')).toBe(false);
  });
});
