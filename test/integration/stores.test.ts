/** The org store and the read side over dynalite: replace removes what is gone; queries answer by subtree and subject. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, exampleEvents, exampleOrgJson, packs } from '../support/builders.ts';
import { startDynamo, type LocalDynamo } from '../support/dynamo.ts';
import { Pipeline } from '../support/pipeline.ts';

const org = buildOrg(exampleOrgJson() as never);
let dynamo: LocalDynamo;
let pipeline: Pipeline;

beforeAll(async () => {
  dynamo = await startDynamo();
  pipeline = new Pipeline(dynamo, packs('yb-qd18'), '2026-01-01T00:00:00+07:00', '2026-04-04T00:00:00+07:00');
  expect(await pipeline.orgStore.replace(org.snapshot)).toEqual({ units: org.snapshot.units.length, members: org.snapshot.members.length, leaders: org.snapshot.leaders.length });
  for (const e of exampleEvents()) await pipeline.record(e);
  await pipeline.sweep('2026-04-04T00:00:00+07:00');
});
afterAll(async () => dynamo.stop());

describe('DynamoOrgStore', () => {
  it('gives unit paths from the root', async () => {
    const paths = await pipeline.orgStore.unitPaths(['LC.NL.TDP5', 'nope']);
    expect([...paths]).toEqual([['LC.NL.TDP5', ['LC', 'LC.NL', 'LC.NL.TDP5']]]);
  });

  it('reads what events may reference as the CLI does from the whole org: every unit and leader, and ids it has not', async () => {
    const unitIds = [...org.units.keys(), 'nope'];
    const leaderIds = [...org.leaders.keys(), 'L-nope'];
    const stored = await pipeline.orgStore.eventReferences(unitIds, leaderIds);
    const whole = org.references();
    // Who may attend, asked of every member id there is and of one there is not.
    const memberIds = [...org.members.values()].map((m) => m.id).concat('M-nope');
    const attending = (refs: typeof whole, unitId: string) => memberIds.filter((id) => refs.unit(unitId)!.attendees.has(id)).sort();
    const view = (refs: typeof whole) => ({
      units: unitIds.map((id) => refs.unit(id) && { path: refs.unit(id)!.path, attendees: attending(refs, id) }),
      leaders: leaderIds.map((id) => refs.leaderProvinces(id) && [...refs.leaderProvinces(id)!].sort()),
    });
    expect(view(stored)).toEqual(view(whole));
    // The ward's committee: the own memberships of leaders with a position there.
    expect(attending(stored, 'LC.NL')).toEqual(['TDP5-1']);
    expect(stored.unit('nope')).toBeUndefined();
  });

  it('reads every member page of a cell larger than one page', async () => {
    const local = await startDynamo();
    try {
      const p = new Pipeline(local, packs(), '2026-01-01T00:00:00+07:00', '2026-04-04T00:00:00+07:00');
      const big = Array.from({ length: 901 }, (_, i) => ({ id: `BIG-${i}`, name: `Đảng viên ${i}`, cellId: 'LC.NL.TDP5' }));
      await p.orgStore.replace(buildOrg({ ...org.snapshot, members: [...org.snapshot.members, ...big] } as never).snapshot);
      const attendees = (await p.orgStore.eventReferences(['LC.NL.TDP5'], [])).unit('LC.NL.TDP5')!.attendees;
      expect(attendees.has('BIG-0') && attendees.has('BIG-900') && attendees.has('TDP5-1')).toBe(true);
      const everyone = [...big, ...org.snapshot.members].map((m) => m.id);
      expect(everyone.filter((id) => attendees.has(id)).length).toBe(901 + org.snapshot.members.filter((m) => m.cellId === 'LC.NL.TDP5').length);
    } finally {
      await local.stop();
    }
  });

  it('replacing the snapshot removes units, members and leaders no longer in it, and nothing else', async () => {
    const local = await startDynamo();
    try {
      const p = new Pipeline(local, packs(), '2026-01-01T00:00:00+07:00', '2026-04-04T00:00:00+07:00');
      await p.orgStore.replace(org.snapshot);
      const smaller = buildOrg({
        units: org.snapshot.units.filter((u) => u.id !== 'LC.NL.THCS'),
        members: org.snapshot.members.filter((m) => m.cellId !== 'LC.NL.THCS'),
        leaders: org.snapshot.leaders.filter((l) => !l.positions.some((pos) => pos.unitId === 'LC.NL.THCS')),
      });
      await p.orgStore.replace(smaller.snapshot);
      const keys = (await local.scanAll()).map((i) => `${i['pk']}|${i['sk']}`);
      expect(keys.filter((k) => k.includes('THCS'))).toEqual([]);
      expect(keys).toContain('UNIT#LC.NL.TDP5|UNIT');
      expect(keys).toContain('UNIT#LC.NL.TDP5|MEMBERS#0000');
    } finally {
      await local.stop();
    }
  });
});

describe('DynamoLedgerQueries', () => {
  it('findings of a subtree: the ward has all, one cell only its own and its meetings', async () => {
    const ward = await pipeline.queries.findings({ unitId: 'LC.NL' });
    expect(ward.length).toBe(8);
    const tdp5 = await pipeline.queries.findings({ unitId: 'LC.NL.TDP5' });
    expect(tdp5.map((f) => `${f.kind} ${f.ruleId} ${f.period}`)).toEqual(['violation dieu-le/monthly-regular-meeting 2026-02', 'violation dieu-le/quarterly-thematic-meeting 2026-Q1']);
    expect(await pipeline.queries.findings({ unitId: 'LC.NL', kind: 'violation', period: '2026-Q1' })).toHaveLength(1);
  });

  it('obligations of a subject, with what counts, what is missing and the unit path for scope checks', async () => {
    const all = await pipeline.queries.obligations({ subjectId: 'LC.NL.TDP5' });
    const feb = all.find((o) => o.value.period === '2026-02' && o.value.ruleId === 'dieu-le/monthly-regular-meeting');
    expect(feb).toEqual({
      value: { ruleId: 'dieu-le/monthly-regular-meeting', subject: { type: 'cell', id: 'LC.NL.TDP5' }, period: '2026-02', required: { regularMeetings: 1 }, counted: { regularMeetings: 0 }, missing: { regularMeetings: 1 }, evidence: [], status: 'open' },
      unitPath: ['LC', 'LC.NL', 'LC.NL.TDP5'],
    });
    const jan = await pipeline.queries.obligations({ subjectId: 'LC.NL.TDP5', period: '2026-01' });
    expect(jan.map((o) => o.value.status)).toEqual(['met']);
  });

  it('event ids already applied count as duplicates; retracted meetings still name their unit', async () => {
    const [a] = exampleEvents();
    const seen = await pipeline.queries.seenEventIds([{ eventId: a!.eventId, meetingId: a!.meetingId }, { eventId: 'new', meetingId: a!.meetingId }]);
    expect([...seen]).toEqual([a!.eventId]);
    expect(await pipeline.queries.meetingUnits([a!.meetingId, 'none'])).toEqual(new Map([[a!.meetingId, (a as { unitId: string }).unitId]]));
  });
});
