/**
 * handleRequest over in-memory ports: every route of DESIGN.md ("HTTP API")
 * with each of its statuses, roles and scope, and all-or-nothing batches.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiRequest, ApiResponse } from '../../shared/api/api-types.ts';
import { handleRequest } from '../../shared/api/handle-request.ts';
import { MAX_EVENT_BYTES, MAX_EVENTS, MAX_EVENTS_BODY_BYTES } from '../../shared/api/post-events.ts';
import { callerFromClaims, inScope, type Caller } from '../../shared/auth/caller.ts';
import type { MeetingEvent, MeetingRecorded } from '../../shared/contract/events.ts';
import { compareFindings, type Finding } from '../../shared/contract/findings.ts';
import type { ObligationView } from '../../shared/contract/obligations.ts';
import type { OrgSnapshot } from '../../shared/contract/org.ts';
import { exampleEvents, exampleOrgJson } from '../support/builders.ts';
import { fakeDeps } from './port-fakes.ts';

const caller = (units: string, groups: string | string[]): Caller => callerFromClaims({ 'custom:units': units, 'cognito:groups': groups })!;
const admin = caller('LC', ['admin']);
const ward = caller('LC.NL', ['recorder', 'inspector']);
const tdp2 = caller('LC.NL.TDP2', ['recorder']);
const tdp5 = caller('LC.NL.TDP5', 'recorder');
const inspector = caller('LC.NL', ['inspector']);
const noRole = caller('LC', []);

const events = exampleEvents();
const recorded = (unitId: string) => events.find((e): e is MeetingRecorded => e.type === 'MeetingRecorded' && e.unitId === unitId)!;
const raw = (e: MeetingEvent) => JSON.parse(JSON.stringify(e)) as Record<string, unknown>;

let deps: ReturnType<typeof fakeDeps>;
beforeEach(() => {
  deps = fakeDeps(exampleOrgJson());
});

function call(method: string, path: string, who: Caller | null, body?: unknown, query: Record<string, string> = {}): Promise<ApiResponse> {
  const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return handleRequest({ method, path, query, body: text, caller: who } satisfies ApiRequest, deps);
}
const errorsOf = (res: ApiResponse) => (res.body as { errors: Array<{ index?: number; path: string; message: string }> }).errors;

describe('routing', () => {
  it('GET /health is 200 {"status":"ok"} without a caller, with or without a trailing slash', async () => {
    expect(await call('GET', '/health', null)).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await call('GET', '/health/', null)).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('an unknown route is 404 and a wrong method 405 naming the allowed ones, as JSON errors', async () => {
    expect(await call('GET', '/nope', ward)).toEqual({ status: 404, body: { error: 'no route GET /nope' } });
    expect(await call('POST', '/health', null)).toEqual({ status: 405, body: { error: 'method not allowed', allow: ['GET'] } });
    expect(await call('GET', '/org', admin)).toEqual({ status: 405, body: { error: 'method not allowed', allow: ['PUT'] } });
    expect(await call('DELETE', '/events', ward)).toEqual({ status: 405, body: { error: 'method not allowed', allow: ['POST'] } });
  });

  it('every protected route without a caller is 401, and touches nothing', async () => {
    for (const [method, path] of [['PUT', '/org'], ['POST', '/events'], ['GET', '/findings'], ['GET', '/obligations']] as const) {
      const res = await call(method, path, null, method === 'GET' ? undefined : events[0]);
      expect(res).toEqual({ status: 401, body: { error: 'a bearer token is required' } });
    }
    expect(deps.bus.batches).toEqual([]);
    expect(deps.ledger.calls).toEqual([]);
  });

  it('a caller with no known role is 403 everywhere', async () => {
    expect((await call('GET', '/findings', noRole)).status).toBe(403);
    expect((await call('POST', '/events', noRole, events[0])).status).toBe(403);
  });
});

describe('PUT /org', () => {
  it('needs the admin role', async () => {
    expect(await call('PUT', '/org', ward, exampleOrgJson())).toEqual({ status: 403, body: { error: 'replacing the org needs the admin role' } });
    expect(deps.orgStore.snapshot).toEqual(exampleOrgJson());
  });

  it('200 with the counts, and the snapshot replaced', async () => {
    const org = exampleOrgJson();
    const smaller: OrgSnapshot = { ...org, units: org.units.filter((u) => u.id !== 'LC.NL.THCS'), members: org.members.filter((m) => m.cellId !== 'LC.NL.THCS'), leaders: org.leaders.filter((l) => l.id !== 'S-THCS') };
    expect(await call('PUT', '/org', admin, smaller)).toEqual({ status: 200, body: { units: 4, members: 10, leaders: 4 } });
    expect(deps.orgStore.snapshot!.units.map((u) => u.id)).toEqual(['LC', 'LC.NL', 'LC.NL.TDP2', 'LC.NL.TDP5']);
  });

  it('400 with error and errors [{path, message}] for the shape and for references; nothing replaced', async () => {
    const org = exampleOrgJson();
    const badKind = await call('PUT', '/org', admin, { ...org, units: [{ ...org.units[0], kind: 'village' }, ...org.units.slice(1)] });
    expect(badKind.status).toBe(400);
    expect(badKind.body).toMatchObject({ error: 'invalid org snapshot' });
    expect(errorsOf(badKind)).toEqual([{ path: 'units.0.kind', message: expect.stringContaining('province') }]);

    const dangling = await call('PUT', '/org', admin, { ...org, members: [{ id: 'x-1', name: 'X', cellId: 'LC.NOPE' }] });
    expect(dangling.status).toBe(400);
    expect(errorsOf(dangling)[0]).toMatchObject({ path: 'members.0.cellId' });
    expect(deps.orgStore.snapshot).toEqual(org);
  });

  it('400 for malformed JSON and for an empty body', async () => {
    expect(await call('PUT', '/org', admin, '{"units": [')).toEqual({ status: 400, body: { error: 'the body is not valid JSON', errors: [{ path: '(root)', message: 'invalid JSON (CloseBracketExpected at line 1, column 12)' }] } });
    expect((await call('PUT', '/org', admin)).status).toBe(400);
  });

  it('stores names in NFC however they were typed', async () => {
    const org = exampleOrgJson();
    const decomposed = 'Chi bộ tổ dân phố 2'.normalize('NFD');
    const res = await call('PUT', '/org', admin, { ...org, units: org.units.map((u) => (u.id === 'LC.NL.TDP2' ? { ...u, name: decomposed } : u)) });
    expect(res.status).toBe(200);
    const stored = deps.orgStore.snapshot!.units.find((u) => u.id === 'LC.NL.TDP2')!.name;
    expect(stored).toBe('Chi bộ tổ dân phố 2'.normalize('NFC'));
    expect(stored).not.toBe(decomposed);
  });
});

describe('POST /events', () => {
  it('one event (not an array): 202 {"accepted":1,"duplicates":0} and the parsed event on the bus', async () => {
    const res = await call('POST', '/events', tdp2, raw(recorded('LC.NL.TDP2')));
    expect(res).toEqual({ status: 202, body: { accepted: 1, duplicates: 0 } });
    expect(deps.bus.batches).toEqual([[recorded('LC.NL.TDP2')]]);
  });

  it('needs the recorder or admin role: an inspector is 403', async () => {
    expect(await call('POST', '/events', inspector, events[0])).toEqual({ status: 403, body: { error: 'recording meetings needs the recorder role' } });
    expect((await call('POST', '/events', admin, events[0])).status).toBe(202);
  });

  it('a batch with bad events: 400 listing every bad one by index, path and message; nothing on the bus', async () => {
    const batch: unknown[] = events.slice(0, 5).map(raw);
    const attendance = [...(batch[1] as { attendance: unknown[] }).attendance];
    attendance[3] = { memberId: 'TDP5-4', status: 'late' };
    batch[1] = { ...(batch[1] as object), attendance };
    const { heldAt: _, ...noHeldAt } = batch[3] as Record<string, unknown>;
    batch[3] = { ...noHeldAt, colour: 'red' };
    const res = await call('POST', '/events', ward, batch);
    expect(res.status).toBe(400);
    expect(errorsOf(res)).toEqual([
      { index: 1, path: 'attendance.3.status', message: expect.stringMatching(/present.*excused.*absent/) },
      { index: 3, path: 'heldAt', message: expect.stringContaining('required field is missing') },
      { index: 3, path: 'colour', message: 'unknown field (not in the contract)' },
    ]);
    expect(deps.bus.batches).toEqual([]);
  });

  it(`more than ${MAX_EVENTS} events is 413 and nothing is accepted; ${MAX_EVENTS} is fine`, async () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ ...raw(recorded('LC.NL.TDP2')), eventId: `bulk-${i}`, meetingId: `bulk-mt-${i}` }));
    const res = await call('POST', '/events', tdp2, many(MAX_EVENTS + 1));
    expect(res).toEqual({ status: 413, body: { error: 'at most 500 events per request, not 501' } });
    expect(deps.bus.batches).toEqual([]);
    expect(await call('POST', '/events', tdp2, many(MAX_EVENTS))).toEqual({ status: 202, body: { accepted: 500, duplicates: 0 } });
  });

  it('a body over 1 MB is 413; one event over the per-event limit is 413 naming its index', async () => {
    const big = { ...raw(recorded('LC.NL.TDP2')), topic: 'x'.repeat(1000) };
    const heavy = Array.from({ length: 1100 }, () => big);
    expect(JSON.stringify(heavy).length).toBeGreaterThan(MAX_EVENTS_BODY_BYTES);
    expect((await call('POST', '/events', tdp2, heavy)).status).toBe(413);

    const attendance = Array.from({ length: 3000 }, (_, i) => ({ memberId: `TDP2-${'9'.repeat(60)}-${i}`, status: 'present' }));
    const oversized = { ...raw(recorded('LC.NL.TDP2')), eventId: 'huge', attendance };
    expect(JSON.stringify(oversized).length).toBeGreaterThan(MAX_EVENT_BYTES);
    const res = await call('POST', '/events', tdp2, [events[0], oversized]);
    expect(res.status).toBe(413);
    expect(errorsOf(res)).toEqual([{ index: 1, path: '(root)', message: expect.stringContaining(`at most ${MAX_EVENT_BYTES} bytes`) }]);
    expect(deps.bus.batches).toEqual([]);
  });

  it('malformed JSON, an empty body and an empty array are 400', async () => {
    expect(await call('POST', '/events', ward, '[{"type":')).toEqual({ status: 400, body: { error: 'the body is not valid JSON', errors: [{ path: '(root)', message: 'invalid JSON (ValueExpected at line 1, column 10)' }] } });
    expect((await call('POST', '/events', ward)).status).toBe(400);
    expect((await call('POST', '/events', ward, [])).status).toBe(400);
  });

  it('an unknown unit is 400 naming index and path, and the good events beside it are not accepted', async () => {
    const res = await call('POST', '/events', ward, [events[0], { ...raw(events[1]!), unitId: 'LC.NL.NOPE' }]);
    expect(res).toEqual({ status: 400, body: { errors: [{ index: 1, path: 'unitId', message: 'unknown unit "LC.NL.NOPE"' }] } });
    expect(deps.bus.batches).toEqual([]);
  });

  it('an event outside the caller’s scope is 403 naming its index; nothing is accepted', async () => {
    const res = await call('POST', '/events', tdp5, [recorded('LC.NL.TDP5'), recorded('LC.NL.TDP2')]);
    expect(res).toEqual({
      status: 403,
      body: { error: 'events for units outside your scope; nothing was accepted', indexes: [1], errors: [{ index: 1, path: 'unitId', message: 'unit "LC.NL.TDP2" is outside your scope' }] },
    });
    expect(deps.bus.batches).toEqual([]);
    // The ward's subtree holds both cells; the province's too.
    expect((await call('POST', '/events', ward, [recorded('LC.NL.TDP5'), recorded('LC.NL.TDP2')])).status).toBe(202);
  });

  it('a new version may not move a meeting out of a unit the caller cannot touch', async () => {
    const original = recorded('LC.NL.TDP2');
    deps.ledger.meetings.set(original.meetingId, 'LC.NL.TDP2');
    // Moved with no attendance: TDP2's members are not TDP5's.
    const moved = { ...raw(original), eventId: 'e-moved', version: 2, unitId: 'LC.NL.TDP5', attendance: [] };
    expect((await call('POST', '/events', tdp5, moved)).status).toBe(403);
    expect((await call('POST', '/events', ward, moved)).status).toBe(202);
  });

  it('a retraction is scoped by the unit its meeting was recorded for', async () => {
    const mt = recorded('LC.NL.TDP2').meetingId;
    const retract = { type: 'MeetingRetracted', eventId: 'e-r1', meetingId: mt, recordedAt: '2026-03-07T08:00:00+07:00', reason: 'ghi nhầm' };
    const unknown = await call('POST', '/events', tdp2, retract);
    expect(unknown.status).toBe(400);
    expect(errorsOf(unknown)).toEqual([{ index: 0, path: 'meetingId', message: expect.stringContaining(`unknown meeting "${mt}"`) }]);

    deps.ledger.meetings.set(mt, 'LC.NL.TDP2');
    expect(await call('POST', '/events', tdp5, retract)).toMatchObject({ status: 403, body: { errors: [{ index: 0, path: 'meetingId', message: `meeting "${mt}" was recorded for unit "LC.NL.TDP2", outside your scope` }] } });
    expect(await call('POST', '/events', tdp2, retract)).toEqual({ status: 202, body: { accepted: 1, duplicates: 0 } });
    expect(deps.bus.events.map((e) => e.eventId)).toEqual(['e-r1']);
  });

  it('a retraction may follow its record in the same batch', async () => {
    const record = recorded('LC.NL.TDP5');
    const retract = { type: 'MeetingRetracted', eventId: 'e-r2', meetingId: record.meetingId, recordedAt: '2026-03-07T08:00:00+07:00' };
    expect(await call('POST', '/events', tdp5, [record, retract])).toEqual({ status: 202, body: { accepted: 2, duplicates: 0 } });
    expect(await call('POST', '/events', tdp2, [record, retract])).toMatchObject({ status: 403, body: { indexes: [0, 1] } });
  });

  it('duplicates: event ids repeated in the batch or seen before are counted, not put', async () => {
    const [a, b, c] = events as [MeetingEvent, MeetingEvent, MeetingEvent];
    deps.ledger.seen.add(c.eventId);
    const res = await call('POST', '/events', ward, [a, b, a, c, b]);
    expect(res).toEqual({ status: 202, body: { accepted: 2, duplicates: 3 } });
    expect(deps.bus.batches).toEqual([[a, b]]);

    deps.bus.batches.length = 0;
    expect(await call('POST', '/events', ward, [c, c])).toEqual({ status: 202, body: { accepted: 0, duplicates: 2 } });
    expect(deps.bus.batches).toEqual([]);
  });

  it('text is put on the bus in NFC, whatever form it was typed in', async () => {
    const topic = 'Học tập và làm theo tư tưởng Hồ Chí Minh';
    const res = await call('POST', '/events', tdp2, { ...raw(recorded('LC.NL.TDP2')), topic: `  ${topic.normalize('NFD')} ` });
    expect(res.status).toBe(202);
    const put = deps.bus.events[0] as MeetingRecorded;
    expect(put.topic).toBe(topic.normalize('NFC'));
    expect(JSON.stringify(put)).toContain(topic.normalize('NFC'));
  });

  it('a bus that fails makes the request fail (the handler answers 500 and the caller retries)', async () => {
    deps.bus.failWith = new Error('EventBridge refused 1 of 1 events');
    await expect(call('POST', '/events', tdp2, events[0])).rejects.toThrow('EventBridge refused');
  });
});

describe('GET /findings', () => {
  const finding = (kind: Finding['kind'], ruleId: string, subjectId: string, period: string): Finding => ({
    kind,
    ruleId,
    subject: { type: 'cell', id: subjectId },
    period,
    dueBy: kind === 'alert' ? null : '2026-03-31T23:59:59+07:00',
    missing: { regularMeetings: 1 },
    evidence: [],
    recipients: ['ubkt:LC.NL'],
    message: { vi: '…', en: '…' },
    citation: 'Điều lệ Đảng',
  });
  const pathOf = (id: string) => (id === 'LC.NL' ? ['LC', 'LC.NL'] : ['LC', 'LC.NL', id]);
  const stored = [
    finding('violation', 'dieu-le/monthly-regular-meeting', 'LC.NL.TDP5', '2026-02'),
    finding('reminder', 'dieu-le/monthly-regular-meeting', 'LC.NL.TDP2', '2026-03'),
    finding('violation', 'dieu-le/monthly-regular-meeting', 'LC.NL.TDP2', '2026-01'),
    finding('alert', 'dieu-le/attendance', 'LC.NL.TDP5', '2026-01'),
    finding('violation', 'yb-qd18/quarterly-thematic', 'LC.NL.THCS', '2026-Q1'),
    finding('violation', 'yb-qd18/committee-monthly', 'LC.NL', '2026-02'),
  ];
  beforeEach(() => {
    for (const f of stored) deps.ledger.findingsByUnit.push({ value: f, unitPath: pathOf(f.subject.id) });
  });

  it('by default: every unit of the caller’s scope, merged without repeats and sorted like the CLI', async () => {
    const two = caller('LC.NL.TDP2,LC.NL.TDP5', ['inspector']);
    const res = await call('GET', '/findings', two);
    expect(res.status).toBe(200);
    const expected = stored.filter((f) => f.subject.id === 'LC.NL.TDP2' || f.subject.id === 'LC.NL.TDP5').sort(compareFindings);
    expect(res.body).toEqual(expected);
    expect((res.body as Finding[]).map((f) => `${f.period} ${f.subject.id}`)).toEqual(['2026-01 LC.NL.TDP5', '2026-01 LC.NL.TDP2', '2026-02 LC.NL.TDP5', '2026-03 LC.NL.TDP2']);

    // Overlapping scope units (a ward and one of its cells): each finding once.
    const overlapping = await call('GET', '/findings', caller('LC.NL,LC.NL.TDP2', 'inspector'));
    expect(overlapping.body).toEqual([...stored].sort(compareFindings));
  });

  it('?unit= in scope: that subtree, with period and kind passed on', async () => {
    const res = await call('GET', '/findings', tdp5, undefined, { unit: 'LC.NL.TDP5', kind: 'violation', period: '2026-02' });
    expect(res).toEqual({ status: 200, body: [stored[0]] });
    expect(deps.ledger.calls).toEqual(['findings LC.NL.TDP5 2026-02 violation']);
  });

  it('?unit= outside the scope is 403, an unknown unit 404, a bad period, kind or parameter 400', async () => {
    expect(await call('GET', '/findings', tdp5, undefined, { unit: 'LC.NL' })).toEqual({ status: 403, body: { error: 'unit "LC.NL" is outside your scope' } });
    expect((await call('GET', '/findings', tdp5, undefined, { unit: 'LC.NL.TDP2' })).status).toBe(403);
    expect((await call('GET', '/findings', ward, undefined, { unit: 'LC.NOPE' })).status).toBe(404);
    const badPeriod = await call('GET', '/findings', ward, undefined, { period: '2026-13' });
    expect(badPeriod).toEqual({ status: 400, body: { error: 'bad query', errors: [{ path: 'period', message: 'expected a period: YYYY, YYYY-Qn or YYYY-MM' }] } });
    expect(errorsOf(await call('GET', '/findings', ward, undefined, { kind: 'bad' }))[0]!.path).toBe('kind');
    expect(errorsOf(await call('GET', '/findings', ward, undefined, { unit: 'bad id!' }))[0]!.path).toBe('unit');
    expect(await call('GET', '/findings', ward, undefined, { sort: 'asc' })).toEqual({ status: 400, body: { error: 'bad query', errors: [{ path: 'sort', message: 'unknown parameter' }] } });
    expect(deps.ledger.calls).toEqual([]);
  });

  it('recorders and admins may read too', async () => {
    expect((await call('GET', '/findings', tdp2)).status).toBe(200);
    expect((await call('GET', '/findings', admin)).body).toEqual([...stored].sort(compareFindings));
  });
});

describe('GET /obligations', () => {
  const view = (subjectId: string, period: string): ObligationView => ({
    ruleId: 'yb-qd18/district-quarterly-visits',
    subject: { type: 'leader', id: subjectId },
    period,
    required: { visits: 1 },
    counted: { visits: 0 },
    missing: { visits: 1 },
    evidence: [],
    status: 'open',
  });
  beforeEach(() => {
    // A leader's obligations, one per unit they visit.
    deps.ledger.obligationsBySubject.set('L-xa', [
      { value: { ...view('L-xa', '2026-Q1'), ruleId: 'a' }, unitPath: ['LC', 'LC.NL', 'LC.NL.TDP2'] },
      { value: { ...view('L-xa', '2026-Q1'), ruleId: 'b' }, unitPath: ['LC', 'LC.NL', 'LC.NL.TDP5'] },
      { value: { ...view('L-xa', '2026-Q2'), ruleId: 'c' }, unitPath: ['LC', 'LC.NL', 'LC.NL.TDP5'] },
    ]);
  });

  it('200 with the subject’s obligations whose unit is in scope, of the period when given', async () => {
    expect((await call('GET', '/obligations', ward, undefined, { subject: 'L-xa' })).body).toHaveLength(3);
    expect(await call('GET', '/obligations', tdp5, undefined, { subject: 'L-xa', period: '2026-Q1' })).toEqual({ status: 200, body: [{ ...view('L-xa', '2026-Q1'), ruleId: 'b' }] });
    expect((await call('GET', '/obligations', caller('LC.NL.THCS', 'inspector'), undefined, { subject: 'L-xa' })).body).toEqual([]);
  });

  it('subject is required; a bad period is 400', async () => {
    expect(await call('GET', '/obligations', ward)).toEqual({ status: 400, body: { error: 'bad query', errors: [{ path: 'subject', message: expect.any(String) }] } });
    expect((await call('GET', '/obligations', ward, undefined, { subject: 'L-xa', period: 'Q1' })).status).toBe(400);
  });
});

describe('the caller', () => {
  it('roles from cognito:groups as an array, or a string separated by spaces or commas (with brackets as API Gateway flattens it)', () => {
    expect(callerFromClaims({ 'custom:units': 'A', 'cognito:groups': ['admin', 'recorder'] })).toEqual({ scope: ['A'], roles: new Set(['admin', 'recorder']) });
    expect(callerFromClaims({ 'custom:units': 'A', 'cognito:groups': '[inspector recorder]' })!.roles).toEqual(new Set(['inspector', 'recorder']));
    expect(callerFromClaims({ 'custom:units': 'A', 'cognito:groups': 'inspector,admin' })!.roles).toEqual(new Set(['inspector', 'admin']));
  });

  it('scope from custom:units, comma-separated; unknown groups ignored; a malformed unit id refuses the token', () => {
    expect(callerFromClaims({ 'custom:units': 'LC.NL, LC.SP ', 'cognito:groups': ['ops', 'inspector'] })).toEqual({ scope: ['LC.NL', 'LC.SP'], roles: new Set(['inspector']) });
    expect(callerFromClaims({ 'custom:units': 'LC;drop', 'cognito:groups': ['admin'] })).toBeNull();
    expect(callerFromClaims({ 'custom:units': 42 })).toBeNull();
    expect(callerFromClaims({ sub: 'abc' })).toEqual({ scope: [], roles: new Set() });
  });

  it('inScope: some scope unit lies on the path from the root to the unit', () => {
    const c = caller('LC.NL.TDP2,LC.SP', 'inspector');
    expect(inScope(c, ['LC', 'LC.NL', 'LC.NL.TDP2'])).toBe(true);
    expect(inScope(c, ['LC', 'LC.SP', 'LC.SP.X'])).toBe(true);
    expect(inScope(c, ['LC', 'LC.NL'])).toBe(false);
    expect(inScope(c, ['LC', 'LC.NL', 'LC.NL.TDP5'])).toBe(false);
    expect(inScope(caller('', 'admin'), ['LC'])).toBe(false);
  });
});
