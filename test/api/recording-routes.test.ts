/**
 * The recording form's routes (issue 17) over in-memory ports: GET /cells,
 * GET /units/{id}/members, POST /events/preview, GET /quality-sheets, with
 * their statuses, scope and dates; the preview's numbers and checks for the
 * example org, and that a preview stores and publishes nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiRequest, ApiResponse } from '../../shared/api/api-types.ts';
import { handleRequest } from '../../shared/api/handle-request.ts';
import { callerFromClaims, type Caller } from '../../shared/auth/caller.ts';
import { OrgSnapshot } from '../../shared/contract/org.ts';
import { CellChoice, MeetingPreview, SheetView, UnitRoster } from '../../shared/contract/recording.ts';
import { pipelineConfig } from '../../shared/use-cases/pipeline-config.ts';
import { exampleEvents, exampleOrgJson } from '../support/builders.ts';
import { fakeDeps } from './port-fakes.ts';

const caller = (units: string, groups: string[]): Caller => callerFromClaims({ 'custom:units': units, 'cognito:groups': groups })!;
const ward = caller('LC.NL', ['recorder']);
const wardInspector = caller('LC.NL', ['inspector']);
const tdp2 = caller('LC.NL.TDP2', ['recorder']);
const tdp5 = caller('LC.NL.TDP5', ['recorder']);
const province = caller('LC', ['admin']);

/** The example, with a member exempted, one who has left, a cell dissolved at the end of 2025, and a leader assigned to TDP2 from March. */
function org(): OrgSnapshot {
  const o = exampleOrgJson();
  o.members.push(
    { id: 'TDP2-6', name: 'Lường Văn Khánh', cellId: 'LC.NL.TDP2', status: 'full', exemptions: [{ from: '2026-01-01', reason: 'Tuổi cao' }] },
    { id: 'TDP2-7', name: 'Cầm Thị Nga', cellId: 'LC.NL.TDP2', status: 'full', leftOn: '2026-02-01', exemptions: [] },
  );
  o.units.push({ id: 'LC.NL.TDP9', name: 'Chi bộ tổ dân phố 9', kind: 'cell', cellType: 'residential', parentId: 'LC.NL', tags: [], activeTo: '2025-12-31' });
  o.leaders.push({ id: 'L-mttq', name: 'Chủ tịch Ủy ban MTTQ phường', positions: [], assignments: [{ unitId: 'LC.NL.TDP2', from: '2026-03-01' }] });
  // As PUT /org stores it: with the contract's defaults.
  return OrgSnapshot.parse(o);
}

let deps: ReturnType<typeof fakeDeps>;
beforeEach(() => {
  deps = fakeDeps(org());
});

function call(method: string, path: string, who: Caller | null, body?: unknown, query: Record<string, string> = {}): Promise<ApiResponse> {
  return handleRequest({ method, path, query, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body), caller: who } satisfies ApiRequest, deps);
}

describe('GET /cells', () => {
  it('lists the cells of the scope active on the date, sorted by path, for any role', async () => {
    const res = await call('GET', '/cells', wardInspector, undefined, { date: '2026-03-20' });
    expect(res.status).toBe(200);
    expect(CellChoice.array().parse(res.body)).toEqual([
      { id: 'LC.NL.TDP2', name: 'Chi bộ tổ dân phố 2', path: ['LC', 'LC.NL', 'LC.NL.TDP2'] },
      { id: 'LC.NL.TDP5', name: 'Chi bộ tổ dân phố 5', path: ['LC', 'LC.NL', 'LC.NL.TDP5'] },
      { id: 'LC.NL.THCS', name: 'Chi bộ Trường THCS Nghĩa Lộ', path: ['LC', 'LC.NL', 'LC.NL.THCS'] },
    ]);
    // A cell dissolved at the end of 2025 was there on its last day.
    expect(((await call('GET', '/cells', ward, undefined, { date: '2025-12-31' })).body as CellChoice[]).map((c) => c.id)).toContain('LC.NL.TDP9');
  });

  it('defaults to today in Asia/Ho_Chi_Minh and keeps to the caller’s cell', async () => {
    expect((await call('GET', '/cells', tdp2)).body).toEqual([{ id: 'LC.NL.TDP2', name: 'Chi bộ tổ dân phố 2', path: ['LC', 'LC.NL', 'LC.NL.TDP2'] }]);
    // 2025-12-31T17:30Z is already 1 January 2026 in Vietnam (TDP9 gone); an hour earlier it is still 31 December.
    deps.now = () => Date.parse('2025-12-31T17:30:00Z');
    expect(((await call('GET', '/cells', province)).body as CellChoice[]).map((c) => c.id)).not.toContain('LC.NL.TDP9');
    deps.now = () => Date.parse('2025-12-31T16:30:00Z');
    expect(((await call('GET', '/cells', province)).body as CellChoice[]).map((c) => c.id)).toContain('LC.NL.TDP9');
  });

  it('answers 400 naming a bad date or an unknown parameter', async () => {
    const bad = await call('GET', '/cells', ward, undefined, { date: '2026-02-30' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: [{ path: 'date' }] });
    expect((await call('GET', '/cells', ward, undefined, { unit: 'LC' })).body).toMatchObject({ errors: [{ path: 'unit', message: 'unknown parameter' }] });
  });
});

describe('GET /units/{id}/members', () => {
  it('gives the cell’s active members, the exempted flagged, and the leaders covering it on the date', async () => {
    const res = await call('GET', '/units/LC.NL.TDP2/members', tdp2, undefined, { date: '2026-03-20' });
    expect(res.status).toBe(200);
    const roster = UnitRoster.parse(res.body);
    expect(roster.unit).toEqual({ id: 'LC.NL.TDP2', name: 'Chi bộ tổ dân phố 2', kind: 'cell' });
    expect(roster.date).toBe('2026-03-20');
    expect(roster.members.map((m) => [m.id, m.exempt])).toEqual([
      ['TDP2-1', false],
      ['TDP2-2', false],
      ['TDP2-3', false],
      ['TDP2-4', false],
      ['TDP2-5', false],
      ['TDP2-6', true],
    ]);
    expect(roster.members[0]).toEqual({ id: 'TDP2-1', name: 'Hoàng Văn Minh', exempt: false });
    // The province's standing committee member, the ward's, the cell's secretary and the Front's chair assigned from March; not TDP5's secretary.
    expect(roster.leaders.map((l) => l.id).sort()).toEqual(['L-mttq', 'L-tv', 'L-xa', 'S-TDP2']);
    // Only the chosen cell was read.
    expect(deps.orgStore.unitOrgCalls).toEqual(['LC.NL.TDP2']);
  });

  it('reads the date: a member who left is gone, an assignment not yet begun covers nothing; the default is today', async () => {
    const january = UnitRoster.parse((await call('GET', '/units/LC.NL.TDP2/members', wardInspector, undefined, { date: '2026-01-15' })).body);
    expect(january.members.map((m) => m.id)).toContain('TDP2-7');
    expect(january.leaders.map((l) => l.id)).not.toContain('L-mttq');
    const today = UnitRoster.parse((await call('GET', '/units/LC.NL.TDP2/members', province)).body);
    expect(today.date).toBe('2026-04-04');
    expect(today.members.map((m) => m.id)).not.toContain('TDP2-7');
    expect(today.leaders.map((l) => l.id)).toContain('L-mttq');
  });

  it('answers 404 for an unknown unit, 403 outside the scope (naming no one), 400 for a bad date or id', async () => {
    expect(await call('GET', '/units/LC.NL.NOPE/members', ward)).toEqual({ status: 404, body: { error: 'unknown unit "LC.NL.NOPE"' } });
    const outside = await call('GET', '/units/LC.NL.TDP2/members', tdp5);
    expect(outside).toEqual({ status: 403, body: { error: 'unit "LC.NL.TDP2" is outside your scope' } });
    expect(deps.orgStore.unitOrgCalls).toEqual([]);
    expect((await call('GET', '/units/LC.NL.TDP2/members', tdp2, undefined, { date: '20-03-2026' })).body).toMatchObject({ errors: [{ path: 'date' }] });
    expect((await call('GET', '/units/LC%20NL/members', tdp2)).body).toMatchObject({ errors: [{ path: 'unitId' }] });
    expect((await call('GET', '/units//members', tdp2)).status).toBe(404);
    expect((await call('POST', '/units/LC.NL.TDP2/members', tdp2, {})).status).toBe(405);
    expect((await call('GET', '/units/LC.NL.TDP2/members', null)).status).toBe(401);
  });
});

/** TDP2's meeting of 20 March 2026, 90 minutes, four of its five eligible members present (the exempted one not asked). */
const tdp2Meeting = (over: Record<string, unknown> = {}) => ({
  type: 'MeetingRecorded',
  eventId: 'ev-preview-1',
  meetingId: 'TDP2-preview',
  version: 1,
  unitId: 'LC.NL.TDP2',
  kind: 'regular',
  heldAt: '2026-03-20T19:30:00+07:00',
  endedAt: '2026-03-20T21:00:00+07:00',
  recordedAt: '2026-03-20T22:00:00+07:00',
  attendance: [
    { memberId: 'TDP2-1', status: 'present' },
    { memberId: 'TDP2-2', status: 'present' },
    { memberId: 'TDP2-3', status: 'present' },
    { memberId: 'TDP2-4', status: 'present' },
    { memberId: 'TDP2-5', status: 'absent' },
  ],
  ...over,
});
const checksOf = (res: ApiResponse) => MeetingPreview.parse(res.body).checks.map((c) => [c.outcome, c.ruleId]);

describe('POST /events/preview', () => {
  it('4 of 5 present: 80 %, breaching dieu-le/attendance-rate, satisfying the monthly regular meeting', async () => {
    const res = await call('POST', '/events/preview', tdp2, tdp2Meeting());
    expect(res.status).toBe(200);
    const preview = MeetingPreview.parse(res.body);
    expect(preview.attendance).toEqual({ present: 4, excused: 0, absent: 1, eligible: 5, rate: 0.8 });
    expect(preview.durationMinutes).toBe(90);
    expect(checksOf(res)).toEqual([
      ['breaches', 'dieu-le/attendance-rate'],
      ['satisfies', 'dieu-le/monthly-regular-meeting'],
    ]);
    const [rate, monthly] = preview.checks;
    expect(rate).toMatchObject({ title: { vi: 'Tỷ lệ đảng viên dự sinh hoạt trên 85%' }, citation: expect.stringContaining('12-HD/BTCTW') });
    expect(rate!.message.vi).toMatch(/4\/5|80%/);
    expect(monthly!.message).toEqual({ vi: 'Được tính là buổi sinh hoạt thường kỳ của Chi bộ tổ dân phố 2, tháng 03/2026', en: 'Counts as a regular meeting of Chi bộ tổ dân phố 2, 03/2026' });
  });

  it('counts the excused and the unlisted; a short combined meeting breaches minimum-duration and counts twice', async () => {
    const attendance = [
      { memberId: 'TDP2-1', status: 'present' },
      { memberId: 'TDP2-2', status: 'present' },
      { memberId: 'TDP2-3', status: 'present' },
      { memberId: 'TDP2-4', status: 'excused' },
      // TDP2-5 left out: counted absent; the exempted member came and does not count.
      { memberId: 'TDP2-6', status: 'present' },
    ];
    const res = await call('POST', '/events/preview', tdp2, tdp2Meeting({ kind: 'combined', endedAt: '2026-03-20T21:00:00+07:00', attendance }));
    const preview = MeetingPreview.parse(res.body);
    expect(preview.attendance).toEqual({ present: 3, excused: 1, absent: 1, eligible: 5, rate: 0.6 });
    expect(checksOf(res)).toEqual([
      ['breaches', 'dieu-le/attendance-rate'],
      ['breaches', 'dieu-le/minimum-duration'],
      ['satisfies', 'dieu-le/monthly-regular-meeting'],
      ['satisfies', 'dieu-le/quarterly-thematic-meeting'],
    ]);
  });

  it('a full meeting breaches nothing; 5 of 6 is 0.8333; no endedAt, no duration', async () => {
    const all = ['TDP2-1', 'TDP2-2', 'TDP2-3', 'TDP2-4', 'TDP2-5'].map((memberId) => ({ memberId, status: 'present' }));
    expect(checksOf(await call('POST', '/events/preview', tdp2, tdp2Meeting({ attendance: all })))).toEqual([['satisfies', 'dieu-le/monthly-regular-meeting']]);
    const o = org();
    deps = fakeDeps({ ...o, members: [...o.members, { id: 'TDP2-8', name: 'Sa Văn Pọm', cellId: 'LC.NL.TDP2', status: 'full', exemptions: [] }] });
    const { endedAt: _, ...open } = tdp2Meeting({ attendance: all });
    const preview = MeetingPreview.parse((await call('POST', '/events/preview', tdp2, open)).body);
    expect(preview.attendance).toEqual({ present: 5, excused: 0, absent: 1, eligible: 6, rate: 0.8333 });
    expect(preview.durationMinutes).toBeNull();
  });

  it('with the pipeline’s packs: a visiting leader’s yb-qd18 quota counts too', async () => {
    deps.config = pipelineConfig({ RULE_PACKS: 'yb-qd18' });
    const res = await call('POST', '/events/preview', tdp2, tdp2Meeting({ visitingLeaderIds: ['L-xa'] }));
    const satisfied = MeetingPreview.parse(res.body).checks.filter((c) => c.outcome === 'satisfies');
    expect(satisfied.map((c) => c.ruleId)).toContain('dieu-le/monthly-regular-meeting');
    const visit = satisfied.find((c) => c.ruleId.startsWith('yb-qd18/'));
    expect(visit?.message.vi).toMatch(/^Được tính là lần dự sinh hoạt .* của đồng chí Ủy viên Ban Thường vụ Đảng ủy phường, /);
  });

  it('stores and publishes nothing: the findings afterwards are the findings before', async () => {
    const before = await call('GET', '/findings', province);
    expect((await call('POST', '/events/preview', tdp2, tdp2Meeting())).status).toBe(200);
    expect(deps.bus.events).toEqual([]);
    expect(await call('GET', '/findings', province)).toEqual(before);
    // The same event is then accepted by POST /events: the preview did not mark it seen.
    expect(await call('POST', '/events', tdp2, tdp2Meeting())).toEqual({ status: 202, body: { accepted: 1, duplicates: 0 } });
  });

  it('answers as POST /events does: fields by path, scope by unit, roles', async () => {
    for (const path of ['/events/preview', '/events']) {
      const bad = await call('POST', path, tdp2, tdp2Meeting({ attendance: [{ memberId: 'TDP2-1', status: 'late' }] }));
      expect(bad.status, path).toBe(400);
      expect(bad.body, path).toMatchObject({ errors: [{ index: 0, path: 'attendance.0.status' }] });
      const stranger = await call('POST', path, tdp2, tdp2Meeting({ attendance: [{ memberId: 'TDP5-1', status: 'present' }] }));
      expect(stranger.body, path).toEqual({ errors: [{ index: 0, path: 'attendance.0.memberId', message: '"TDP5-1" is not a member of unit "LC.NL.TDP2" or of its committee' }] });
      expect((await call('POST', path, tdp2, tdp2Meeting({ visitingLeaderIds: ['L-404'] }))).body, path).toMatchObject({ errors: [{ path: 'visitingLeaderIds.0' }] });
      expect((await call('POST', path, tdp2, tdp2Meeting({ unitId: 'LC.NL.NOPE' }))).body, path).toMatchObject({ errors: [{ path: 'unitId', message: 'unknown unit "LC.NL.NOPE"' }] });
      expect((await call('POST', path, wardInspector, tdp2Meeting())).status, path).toBe(403);
      expect((await call('POST', path, tdp2, '{"type":')).status, path).toBe(400);
    }
    expect(deps.bus.events).toEqual([]);
  });

  it('a recorder of one cell cannot record, nor preview, for another: 403 naming the unit', async () => {
    for (const path of ['/events', '/events/preview']) {
      const res = await call('POST', path, tdp5, tdp2Meeting());
      expect(res, path).toEqual({
        status: 403,
        body: { error: 'events for units outside your scope; nothing was accepted', indexes: [0], errors: [{ index: 0, path: 'unitId', message: 'unit "LC.NL.TDP2" is outside your scope' }] },
      });
    }
    expect(deps.bus.events).toEqual([]);
  });

  it('previews one MeetingRecorded only: not an array, not a retraction', async () => {
    expect((await call('POST', '/events/preview', tdp2, [tdp2Meeting()])).body).toMatchObject({ errors: [{ path: '(root)' }] });
    const retraction = { type: 'MeetingRetracted', eventId: 'ev-r', meetingId: exampleEvents()[0]!.meetingId, recordedAt: '2026-03-25T08:00:00+07:00' };
    expect((await call('POST', '/events/preview', province, retraction)).body).toMatchObject({ errors: [{ index: 0, path: 'type' }] });
    expect((await call('GET', '/events/preview', tdp2)).status).toBe(405);
  });
});

describe('GET /quality-sheets', () => {
  it('lists the shipped sheets with each criterion’s label and maximum', async () => {
    const res = await call('GET', '/quality-sheets', tdp2);
    expect(res.status).toBe(200);
    const sheets = SheetView.array().parse(res.body);
    expect(sheets.map((s) => s.id)).toEqual(['hb-qd31', 'hd42-100']);
    const hd42 = sheets.find((s) => s.id === 'hd42-100')!;
    expect(hd42.name.vi).toContain('42-HD/BTCTW');
    expect(hd42.criteria.reduce((sum, c) => sum + c.max, 0)).toBe(100);
    expect(hd42.criteria.find((c) => c.id === 'conduct')).toEqual({ id: 'conduct', label: { vi: 'tiến hành sinh hoạt', en: 'conduct of the meeting' }, max: 30, source: 'declared', optional: false, critical: false });
    expect(hd42.criteria.find((c) => c.id === 'duration')).toMatchObject({ source: 'computed', critical: true, max: 5 });
    expect((await call('GET', '/quality-sheets', tdp2, undefined, { sheet: 'x' })).status).toBe(400);
  });
});
