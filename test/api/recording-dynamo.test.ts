/**
 * The recording form's routes over the real stores (dynalite): the roster
 * and cells as DynamoOrgStore reads them (also from unit items written
 * before they named their leaders), and a preview that stores nothing and
 * says what the pipeline then raises when the same record is processed.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitKey } from '../../adapters/dynamodb/keys.ts';
import type { ApiDeps } from '../../shared/api/api-types.ts';
import { handleRequest } from '../../shared/api/handle-request.ts';
import { callerFromClaims, type Caller } from '../../shared/auth/caller.ts';
import { instantMs } from '../../shared/calendar/period.ts';
import type { Finding } from '../../shared/contract/findings.ts';
import { MeetingRecorded } from '../../shared/contract/events.ts';
import { MeetingPreview, UnitRoster } from '../../shared/contract/recording.ts';
import { buildOrg, exampleEvents, exampleOrgJson, packs } from '../support/builders.ts';
import { apiStores, type LocalDynamo } from '../support/dynamo.ts';
import { Pipeline } from '../support/pipeline.ts';

const NOW = '2026-04-04T06:00:00+07:00';
let dynamo: LocalDynamo;
let pipeline: Pipeline;
let deps: ApiDeps;

const ward = callerFromClaims({ 'custom:units': 'LC.NL', 'cognito:groups': ['recorder', 'inspector'] })!;
const call = (method: string, path: string, who: Caller, body?: unknown, query: Record<string, string> = {}) =>
  handleRequest({ method, path, query, body: body === undefined ? undefined : JSON.stringify(body), caller: who }, deps);

const record = MeetingRecorded.parse({
  type: 'MeetingRecorded',
  eventId: 'ev-dyn-preview',
  meetingId: 'TDP2-dyn',
  version: 1,
  unitId: 'LC.NL.TDP2',
  kind: 'regular',
  heldAt: '2026-03-27T19:30:00+07:00',
  endedAt: '2026-03-27T20:30:00+07:00',
  recordedAt: '2026-03-27T22:00:00+07:00',
  attendance: ['TDP2-1', 'TDP2-2', 'TDP2-3', 'TDP2-4'].map((memberId) => ({ memberId, status: 'present' })).concat([{ memberId: 'TDP2-5', status: 'absent' }]),
});


beforeAll(async () => {
  const o = exampleOrgJson();
  o.members.push({ id: 'TDP2-6', name: 'Lường Văn Khánh', cellId: 'LC.NL.TDP2', status: 'full', exemptions: [{ from: '2026-01-01' }] });
  o.leaders.push({ id: 'L-mttq', name: 'Chủ tịch Ủy ban MTTQ phường', positions: [], assignments: [{ unitId: 'LC.NL.TDP2', from: '2026-03-01' }] });
  pipeline = await Pipeline.start(buildOrg(o as never), packs('yb-qd18'), '2026-01-01T00:00:00+07:00', NOW);
  dynamo = pipeline.dynamo;
  for (const e of exampleEvents()) await pipeline.record(e);
  await pipeline.sweep(NOW);
  deps = {
    orgStore: pipeline.orgStore,
    ledger: pipeline.queries,
    bus: { put: async () => {} },
    // The stores the test does not stand in for: the table's own adapters.
    ...apiStores(dynamo),
    config: pipeline.deps.config,
    now: () => instantMs(NOW),
  };
});
afterAll(async () => dynamo?.stop());

const TDP2_LEADERS = ['L-mttq', 'L-tv', 'L-xa', 'S-TDP2'];

describe('the roster and the cells from DynamoDB', () => {
  it('reads the cell’s members and the leaders serving on its path', async () => {
    const roster = UnitRoster.parse((await call('GET', '/units/LC.NL.TDP2/members', ward, undefined, { date: '2026-03-20' })).body);
    expect(roster.members.map((m) => [m.id, m.exempt])).toEqual([...['TDP2-1', 'TDP2-2', 'TDP2-3', 'TDP2-4', 'TDP2-5'].map((id) => [id, false]), ['TDP2-6', true]]);
    expect(roster.leaders.map((l) => l.id).sort()).toEqual(TDP2_LEADERS);
    const february = UnitRoster.parse((await call('GET', '/units/LC.NL.TDP2/members', ward, undefined, { date: '2026-02-20' })).body);
    expect(february.leaders.map((l) => l.id).sort()).toEqual(['L-tv', 'L-xa', 'S-TDP2']);
  });

  it('finds the same leaders from unit items written before they named them (the province’s leaders, filtered)', async () => {
    for (const id of ['LC', 'LC.NL', 'LC.NL.TDP2']) await dynamo.db.send(new UpdateCommand({ TableName: dynamo.table, Key: unitKey(id), UpdateExpression: 'REMOVE leaderIds' }));
    const roster = UnitRoster.parse((await call('GET', '/units/LC.NL.TDP2/members', ward, undefined, { date: '2026-03-20' })).body);
    expect(roster.leaders.map((l) => l.id).sort()).toEqual(TDP2_LEADERS);
  });

  it('lists the ward’s cells by path', async () => {
    expect(((await call('GET', '/cells', ward)).body as Array<{ id: string }>).map((c) => c.id)).toEqual(['LC.NL.TDP2', 'LC.NL.TDP5', 'LC.NL.THCS']);
  });
});

describe('POST /events/preview over DynamoDB', () => {
  it('stores nothing, and says what the pipeline raises once the record is processed', async () => {
    const findings = () => call('GET', '/findings', ward, undefined, { unit: 'LC.NL.TDP2' });
    const before = await findings();
    const res = await call('POST', '/events/preview', ward, record);
    expect(res.status).toBe(200);
    const preview = MeetingPreview.parse(res.body);
    expect(preview.attendance).toEqual({ present: 4, excused: 0, absent: 1, eligible: 5, rate: 0.8 });
    expect(preview.durationMinutes).toBe(60);
    expect(await findings()).toEqual(before);

    await pipeline.record(record, NOW);
    const raised = ((await findings()).body as Finding[]).filter((f) => f.kind === 'alert' && f.subject.id === record.meetingId);
    const breaches = preview.checks.filter((c) => c.outcome === 'breaches');
    expect(breaches.map((c) => c.ruleId)).toEqual(['dieu-le/attendance-rate', 'dieu-le/minimum-duration']);
    expect(breaches.map((c) => [c.ruleId, c.message, c.citation])).toEqual(raised.map((f) => [f.ruleId, f.message, f.citation]));
    const obligations = (await call('GET', '/obligations', ward, undefined, { subject: 'LC.NL.TDP2', period: '2026-03' })).body as Array<{ ruleId: string; evidence: string[] }>;
    const counted = obligations.filter((o) => o.evidence.includes(record.meetingId)).map((o) => o.ruleId);
    expect(preview.checks.filter((c) => c.outcome === 'satisfies').map((c) => c.ruleId)).toEqual(counted.sort());
  });
});
