/**
 * The dashboard's routes over the real stores (dynalite): POST /decisions
 * (roles, scope, validation, once per finding and action), and how a decision
 * shows in GET /findings, GET /report and GET /heatmap; GET /meetings; GET /rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiDeps } from '../../shared/api/api-types.ts';
import { handleRequest } from '../../shared/api/handle-request.ts';
import { callerFromClaims, type Caller } from '../../shared/auth/caller.ts';
import { instantMs } from '../../shared/calendar/period.ts';
import type { CellMeetings, Heatmap, RuleSummary } from '../../shared/contract/dashboard.ts';
import type { ReviewedFinding } from '../../shared/contract/decisions.ts';
import type { PeriodReport } from '../../shared/contract/report.ts';
import { buildOrg, exampleEvents, exampleOrgJson, packs } from '../support/builders.ts';
import { apiStores, type LocalDynamo } from '../support/dynamo.ts';
import { Pipeline } from '../support/pipeline.ts';

const NOW = '2026-04-04T06:00:00+07:00';
let dynamo: LocalDynamo;
let deps: ApiDeps;

const caller = (units: string, groups: string[], email?: string): Caller => callerFromClaims({ 'custom:units': units, 'cognito:groups': groups, ...(email ? { email } : {}) })!;
const inspector = caller('LC.NL', ['inspector'], 'ubkt@lc.example');
const admin = caller('LC', ['admin'], 'admin@lc.example');
const recorder = caller('LC.NL', ['recorder']);
const elsewhere = caller('LC.NL.THCS', ['inspector'], 'thcs@lc.example');
const call = (method: string, path: string, who: Caller | null, body?: unknown, query: Record<string, string> = {}) =>
  handleRequest({ method, path, query, body: body === undefined ? undefined : JSON.stringify(body), caller: who }, deps);

const february = { kind: 'violation', ruleId: 'dieu-le/monthly-regular-meeting', subject: { type: 'cell', id: 'LC.NL.TDP5' }, period: '2026-02' } as const;

let pipeline: Pipeline;

beforeAll(async () => {
  pipeline = await Pipeline.start(buildOrg(exampleOrgJson() as never), packs('yb-qd18'), '2026-01-01T00:00:00+07:00', NOW);
  dynamo = pipeline.dynamo;
  for (const e of exampleEvents()) await pipeline.record(e);
  await pipeline.sweep(NOW);
  deps = {
    orgStore: pipeline.orgStore,
    ledger: pipeline.queries,
    bus: { put: async () => {} },
    // The stores the test does not stand in for: the table's own adapters.
    ...apiStores(dynamo),
    now: () => instantMs(NOW),
  };
});
afterAll(async () => dynamo?.stop());

describe('POST /decisions', () => {
  it('refuses a recorder, a bad body naming the field, a reminder, an unknown finding and one outside the scope, and writes nothing', async () => {
    expect((await call('POST', '/decisions', recorder, { finding: february, action: 'acknowledge' })).status).toBe(403);
    expect(await call('POST', '/decisions', inspector, { finding: february, action: 'excuse' })).toEqual({ status: 400, body: { error: 'invalid decision', errors: [{ path: 'reason', message: 'an excuse needs a reason' }] } });
    expect((await call('POST', '/decisions', inspector, { finding: { ...february, period: 'Feb' }, action: 'acknowledge' })).body).toMatchObject({ errors: [{ path: 'finding.period' }] });
    expect((await call('POST', '/decisions', inspector, { finding: february, action: 'forgive' })).body).toMatchObject({ errors: [{ path: 'action' }] });
    expect((await call('POST', '/decisions', inspector, { finding: { ...february, kind: 'reminder' }, action: 'acknowledge' })).status).toBe(400);
    expect((await call('POST', '/decisions', inspector, { finding: { ...february, period: '2026-01' }, action: 'acknowledge' })).status).toBe(404);
    expect((await call('POST', '/decisions', elsewhere, { finding: february, action: 'acknowledge' })).status).toBe(403);
    expect((await call('POST', '/decisions', null, { finding: february, action: 'acknowledge' })).status).toBe(401);
    expect(await deps.decisions.decisions(['LC'])).toEqual(new Map());
  });

  it('records an acknowledgement once, with who and when: the same request again answers the one that stands', async () => {
    const first = await call('POST', '/decisions', inspector, { finding: february, action: 'acknowledge' });
    expect(first).toEqual({ status: 201, body: { finding: february, decision: { action: 'acknowledge', by: 'ubkt@lc.example', at: '2026-04-03T23:00:00.000Z' } } });
    const again = await call('POST', '/decisions', admin, { finding: february, action: 'acknowledge' });
    expect(again).toEqual({ status: 200, body: first.body });
  });

  it('an excuse needs a reason, stands once, and another reason afterwards is a conflict', async () => {
    const reason = '  Lũ lụt tháng 02/2026  ';
    const excused = await call('POST', '/decisions', admin, { finding: february, action: 'excuse', reason });
    expect(excused).toMatchObject({ status: 201, body: { decision: { action: 'excuse', by: 'admin@lc.example', reason: 'Lũ lụt tháng 02/2026' } } });
    expect((await call('POST', '/decisions', inspector, { finding: february, action: 'excuse', reason })).status).toBe(200);
    expect(await call('POST', '/decisions', inspector, { finding: february, action: 'excuse', reason: 'mưa bão' })).toMatchObject({ status: 409, body: { decision: { reason: 'Lũ lụt tháng 02/2026' } } });
  });

  it('shows in GET /findings as the finding’s history, in the report apart from open violations, and in the heatmap', async () => {
    const findings = (await call('GET', '/findings', inspector, undefined, { unit: 'LC.NL.TDP5', kind: 'violation' })).body as ReviewedFinding[];
    const decided = findings.find((f) => f.period === '2026-02')!;
    expect(decided.decisions!.map((d) => d.action)).toEqual(['acknowledge', 'excuse']);
    // A finding without decisions is exactly DESIGN's finding.
    expect(findings.find((f) => f.period === '2026-Q1')).not.toHaveProperty('decisions');
    expect(((await call('GET', '/findings', inspector, undefined, { rule: 'dieu-le/quarterly-thematic-meeting' })).body as ReviewedFinding[]).map((f) => f.ruleId)).toEqual(['dieu-le/quarterly-thematic-meeting']);

    const report = (await call('GET', '/report', inspector, undefined, { period: '2026-Q1' })).body as PeriodReport;
    expect(report.rows[0]).toMatchObject({ unitId: 'LC.NL', openViolations: 3, excusedViolations: 1 });

    const map = (await call('GET', '/heatmap', inspector, undefined, { period: '2026-Q1' })).body as Heatmap;
    expect(map.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(map.rows.map((r) => [r.unitId, r.depth])).toEqual([['LC.NL', 0], ['LC.NL.TDP2', 1], ['LC.NL.TDP5', 1], ['LC.NL.THCS', 1]]);
    const tdp5 = map.rows.find((r) => r.unitId === 'LC.NL.TDP5')!;
    expect(Object.fromEntries(Object.entries(tdp5.months).map(([m, v]) => [m, v.status]))).toEqual({ '2026-01': 'met', '2026-02': 'excused', '2026-03': 'met' });
    expect(map.rows[0]!.months['2026-02']).toEqual({ status: 'excused', counts: { excused: 1, met: 2 } });
    expect(map.leaders.map((l) => l.id)).toContain('L-xa');
  });

  it('survives PUT /org: decisions sort before the org’s range of the by-province index', async () => {
    await deps.orgStore.replace(buildOrg(exampleOrgJson() as never).snapshot);
    expect([...(await deps.decisions.decisions(['LC', 'LC.NL', 'LC.NL.TDP5'])).values()].flat().map((d) => d.action)).toEqual(['acknowledge', 'excuse']);
  });
});

describe('GET /meetings, /rules, /heatmap', () => {
  it('a cell’s meetings of the period with attendance; a unit that is not a cell, or outside the scope, is refused', async () => {
    const res = (await call('GET', '/meetings', inspector, undefined, { unit: 'LC.NL.TDP2', period: '2026-Q1' })).body as CellMeetings;
    expect(res.meetings).toHaveLength(3);
    expect(res.meetings.map((m) => [m.present, m.eligible])).toEqual([[4, 5], [4, 5], [4, 5]]);
    expect(res.meetings[0]!.countsFor).toContain('dieu-le/monthly-regular-meeting');
    expect(res.meetings[0]!.version).toBe(1);
    // A correction (the same record as version 2) is listed with its version: the form's Sửa sends the next one.
    const first = exampleEvents().find((e) => e.type === 'MeetingRecorded' && e.meetingId === res.meetings[0]!.meetingId)!;
    await pipeline.record({ ...first, eventId: `${first.eventId}-v2`, version: 2 } as typeof first);
    const again = (await call('GET', '/meetings', inspector, undefined, { unit: 'LC.NL.TDP2', period: '2026-Q1' })).body as CellMeetings;
    expect(again.meetings.map((m) => m.version)).toEqual([2, 1, 1]);
    expect(await call('GET', '/meetings', inspector, undefined, { unit: 'LC.NL', period: '2026-Q1' })).toMatchObject({ status: 400, body: { errors: [{ path: 'unit' }] } });
    expect((await call('GET', '/meetings', elsewhere, undefined, { unit: 'LC.NL.TDP2', period: '2026-Q1' })).status).toBe(403);
    expect((await call('GET', '/meetings', inspector, undefined, { unit: 'LC.NL.TDP2' })).body).toMatchObject({ errors: [{ path: 'period' }] });
  });

  it('rules carry the words for what is missing', async () => {
    const rules = (await call('GET', '/rules', recorder)).body as RuleSummary[];
    const commune = rules.find((r) => r.id === 'yb-qd18/commune-monthly')!;
    expect(commune.labels).toEqual({ meetings: { vi: 'lần dự sinh hoạt với chi bộ khu dân cư', en: 'visit to a residential cell meeting' } });
  });

  it('the heatmap names a bad or unknown parameter', async () => {
    expect((await call('GET', '/heatmap', inspector, undefined, {})).body).toMatchObject({ errors: [{ path: 'period' }] });
    expect((await call('GET', '/heatmap', inspector, undefined, { period: '2026-Q1', colour: 'red' })).body).toMatchObject({ errors: [{ path: 'colour', message: expect.stringContaining('unknown parameter') }] });
    expect((await call('GET', '/heatmap', inspector, undefined, { period: '2026-Q1', unit: 'XX' })).status).toBe(404);
  });
});
