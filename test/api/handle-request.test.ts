/** The HTTP API of DESIGN.md over the real stores (dynalite) and a recording bus: routes, statuses, scope, all-or-nothing batches. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { instantMs } from '../../shared/calendar/period.ts';
import type { ApiDeps, ApiRequest } from '../../shared/api/api-types.ts';
import { handleRequest } from '../../shared/api/handle-request.ts';
import { callerFromClaims, type Caller } from '../../shared/auth/caller.ts';
import type { MeetingEvent } from '../../shared/contract/events.ts';
import { buildOrg, exampleEvents, exampleOrgJson, packs } from '../support/builders.ts';
import { apiStores, startDynamo, type LocalDynamo } from '../support/dynamo.ts';
import { Pipeline } from '../support/pipeline.ts';

const org = buildOrg(exampleOrgJson() as never);
const events = exampleEvents();
const put: MeetingEvent[][] = [];
let dynamo: LocalDynamo;
let pipeline: Pipeline;
let deps: ApiDeps;

const admin = callerFromClaims({ 'custom:units': 'LC', 'cognito:groups': ['admin'] })!;
const ward = callerFromClaims({ 'custom:units': 'LC.NL', 'cognito:groups': 'recorder inspector' })!;
const tdp5 = callerFromClaims({ 'custom:units': 'LC.NL.TDP5', 'cognito:groups': ['recorder'] })!;
const call = (method: string, path: string, caller: Caller | null, body?: unknown, query: Record<string, string> = {}) =>
  handleRequest({ method, path, query, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body), caller } satisfies ApiRequest, deps);


beforeAll(async () => {
  dynamo = await startDynamo();
  pipeline = new Pipeline(dynamo, packs('yb-qd18'), '2026-01-01T00:00:00+07:00', '2026-04-04T00:00:00+07:00');
  deps = {
    orgStore: pipeline.orgStore,
    ledger: pipeline.queries,
    bus: { put: async (e) => void put.push([...e]) },
    // The stores the test does not stand in for: the table's own adapters.
    ...apiStores(dynamo),
    now: () => instantMs('2026-04-04T00:00:00+07:00'),
  };
});
afterAll(async () => dynamo.stop());
beforeEach(() => {
  put.length = 0;
});

describe('the HTTP API', () => {
  it('GET /health needs no token', async () => {
    expect(await call('GET', '/health', null)).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('PUT /org: admin only; 400 naming the field; 200 with the counts', async () => {
    expect((await call('PUT', '/org', ward, exampleOrgJson())).status).toBe(403);
    const bad = await call('PUT', '/org', admin, { ...exampleOrgJson(), units: [{ id: 'X', name: 'x', kind: 'village', parentId: null }] });
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: Array<{ path: string }> }).errors[0]!.path).toBe('units.0.kind');
    const unknownPack = await call('PUT', '/org', admin, { ...exampleOrgJson(), packs: [{ pack: 'xx', unitId: 'LC.NL', from: '2026-01-01' }] });
    expect(unknownPack.body).toEqual({ error: 'invalid org snapshot', errors: [{ path: 'packs.0.pack', message: 'unknown pack "xx"' }] });
    expect(await call('PUT', '/org', admin, exampleOrgJson())).toEqual({ status: 200, body: { units: 5, members: 15, leaders: org.snapshot.leaders.length } });
  });

  it('POST /events: a batch with one bad event accepts nothing and lists index, path and message', async () => {
    const bad = { ...events[1], attendance: [{ memberId: 'TDP2-1', status: 'late' }] };
    const res = await call('POST', '/events', ward, [events[0], bad, events[2]]);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errors: [{ index: 1, path: 'attendance.0.status', message: expect.stringContaining('present') }] });
    expect(put).toEqual([]);
  });

  it('POST /events: outside the caller’s scope is 403 and accepts nothing', async () => {
    const tdp2 = events.find((e) => e.type === 'MeetingRecorded' && e.unitId === 'LC.NL.TDP2')!;
    const res = await call('POST', '/events', tdp5, [tdp2]);
    expect(res.status).toBe(403);
    expect(put).toEqual([]);
  });

  it('POST /events: unknown unit is 400; more than 500 is 413; malformed JSON is 400', async () => {
    const res = await call('POST', '/events', ward, { ...events[0], unitId: 'LC.NL.NOPE' });
    expect(res).toEqual({ status: 400, body: { errors: [{ index: 0, path: 'unitId', message: 'unknown unit "LC.NL.NOPE"' }] } });
    expect((await call('POST', '/events', ward, Array.from({ length: 501 }, () => events[0]))).status).toBe(413);
    expect((await call('POST', '/events', ward, '{"type":')).status).toBe(400);
  });

  it('POST /events: 202 with accepted and duplicates (repeated in the batch, or applied before)', async () => {
    const res = await call('POST', '/events', ward, [events[0], events[0], events[1]]);
    expect(res).toEqual({ status: 202, body: { accepted: 2, duplicates: 1 } });
    expect(put[0]!.map((e) => e.eventId)).toEqual([events[0]!.eventId, events[1]!.eventId]);
    await pipeline.record(events[0]!);
    expect((await call('POST', '/events', ward, events[0])).body).toEqual({ accepted: 0, duplicates: 1 });
  });

  it('no token is 401; unknown route 404; wrong method 405', async () => {
    expect((await call('GET', '/findings', null)).status).toBe(401);
    expect((await call('GET', '/nope', ward)).status).toBe(404);
    expect((await call('DELETE', '/events', ward)).status).toBe(405);
  });

  it('GET /findings: the caller’s scope by default, a unit in scope, 403 outside, 400 on a bad kind', async () => {
    for (const e of events) await pipeline.record(e);
    await pipeline.sweep('2026-04-04T00:00:00+07:00');
    const all = await call('GET', '/findings', ward);
    expect(all.status).toBe(200);
    expect((all.body as unknown[]).length).toBe(8);
    const mine = await call('GET', '/findings', tdp5, undefined, { unit: 'LC.NL.TDP5', kind: 'violation' });
    expect((mine.body as Array<{ subject: { id: string } }>).map((f) => f.subject.id)).toEqual(['LC.NL.TDP5', 'LC.NL.TDP5']);
    expect((await call('GET', '/findings', tdp5, undefined, { unit: 'LC.NL' })).status).toBe(403);
    expect((await call('GET', '/findings', ward, undefined, { kind: 'bad' })).status).toBe(400);
  });

  it('GET /obligations: a subject’s obligations in scope; subject required', async () => {
    const res = await call('GET', '/obligations', ward, undefined, { subject: 'LC.NL.TDP5', period: '2026-02' });
    expect(res.body).toEqual([
      { ruleId: 'dieu-le/monthly-regular-meeting', subject: { type: 'cell', id: 'LC.NL.TDP5' }, period: '2026-02', required: { regularMeetings: 1 }, counted: { regularMeetings: 0 }, missing: { regularMeetings: 1 }, evidence: [], status: 'open' },
    ]);
    expect((await call('GET', '/obligations', callerFromClaims({ 'custom:units': 'LC.NL.THCS', 'cognito:groups': ['inspector'] }), undefined, { subject: 'LC.NL.TDP5' })).body).toEqual([]);
    expect((await call('GET', '/obligations', ward)).status).toBe(400);
  });

  it('GET /report: the Đề án 11 KPIs per unit of the subtree, from the ledger', async () => {
    const province = callerFromClaims({ 'custom:units': 'LC', 'cognito:groups': ['inspector'] })!;
    const res = await call('GET', '/report', province, undefined, { period: '2026-Q1' });
    expect(res.status).toBe(200);
    const { rows } = res.body as { rows: Array<Record<string, unknown>> };
    const kpis = (r: Record<string, unknown>) => [r['unitId'], r['depth'], r['cells'], r['cellsMeetingEveryMonth'], r['cellsWithThematicMeeting'], r['meetings'], r['meanAttendancePercent'], r['leadersMet'], r['openViolations']];
    // TDP5 missed February and held no thematic meeting; TDP2's three meetings had 4 of 5 present; L-xa owes February and March.
    expect(rows.map(kpis)).toEqual([
      ['LC', 0, 3, 2, 2, 8, 92.5, 1, 4],
      ['LC.NL', 1, 3, 2, 2, 8, 92.5, 0, 4],
    ]);
    expect(rows[1]!['leadersUnmet']).toEqual([{ leaderId: 'L-xa', name: 'Ủy viên Ban Thường vụ Đảng ủy phường', missing: { meetings: 2 } }]);
    expect((await call('GET', '/report', ward, undefined, { period: '2026-02' })).body).toMatchObject({ unitId: 'LC.NL', rows: [{ cells: 3, cellsMeetingEveryMonth: 2, cellsWithThematicMeeting: 0, meetings: 2, openViolations: 2 }] });
    expect((await call('GET', '/report', tdp5, undefined, { period: '2026-Q1', unit: 'LC.NL' })).status).toBe(403);
    expect((await call('GET', '/report', ward, undefined, { period: 'Q1' })).body).toMatchObject({ errors: [{ path: 'period' }] });
  });
});

describe('callerFromClaims', () => {
  it('reads units and groups in the shapes API Gateway passes them', () => {
    expect(callerFromClaims({ 'custom:units': 'A, B', 'cognito:groups': '[admin recorder]' })).toEqual({ scope: ['A', 'B'], roles: new Set(['admin', 'recorder']) });
    expect(callerFromClaims({ 'custom:units': 'bad id!' })).toBeNull();
    expect(callerFromClaims({})).toEqual({ scope: [], roles: new Set() });
  });
});
