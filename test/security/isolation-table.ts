/**
 * The isolation table: every route × role × province → the status, and for a
 * read, that everything returned belongs to the caller's province. Both entry
 * points (the embedded HTTP server and the Lambda handler) run the same rows.
 */
import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/auth/caller.ts';
import { AS_OF, newMeeting, other, PROVINCES, provinceEvents, provincesIn, ROLES, twoProvinceOrg, provinceOrg, type Province } from './two-provinces.ts';

export type Entry = 'embedded' | 'lambda';
/** A province's token of one role, the national admin who set things up, or no token at all. */
export type Who = { province: Province; role: Role } | 'national' | 'nobody';
export interface Response {
  status: number;
  body: unknown;
}
export type Client = (who: Who, method: string, path: string, body?: unknown) => Promise<Response>;

interface Case {
  route: string;
  method: string;
  path: (own: Province) => string;
  body?: (own: Province, role: Role) => unknown;
  status: Record<Role, number>;
  /** A 200 read returns only the caller's province ('own', never empty; 'own-or-empty', maybe empty) or nothing at all ('none'). */
  read?: 'own' | 'own-or-empty' | 'none';
  only?: Entry;
  /** For a refusal: what the body must say (toMatchObject). */
  answer?: (own: Province) => unknown;
  /** Where a meeting this row sends must (or must not) count afterwards. */
  effects?: (own: Province, role: Role, status: number) => Array<{ subject: string; meetingId: string; counts: boolean }>;
}

const ALL = (status: number): Record<Role, number> => ({ recorder: status, inspector: status, admin: status });
const READ = ALL(200);
const WRITE = { recorder: 202, inspector: 403, admin: 202 };
const theirs = (own: Province, id: string) => `${other(own)}${id}`;
let sent = 0;
const fresh = (prefix: string) => `${prefix}-${++sent}`;
/** The example's February violation of a cell's monthly meeting: an inspector acknowledges it, an admin excuses it. */
const decisionOn = (province: Province, role: Role) => ({
  finding: { kind: 'violation', ruleId: 'dieu-le/monthly-regular-meeting', subject: { type: 'cell', id: `${province}.NL.TDP5` }, period: '2026-02' },
  ...(role === 'admin' ? { action: 'excuse', reason: 'Lũ lụt' } : { action: 'acknowledge' }),
});
/** A province's directory: its ward leader and its ward's inspection committee (addresses in lower case: they name no province id). */
const directoryOf = (p: Province) => ({
  contacts: [
    { recipient: `${p}-L-xa`, name: 'Đồng chí Xã', email: `xa@${p.toLowerCase()}.example.vn`, channels: ['email'], digest: 'immediate' },
    { recipient: `ubkt:${p}.NL`, name: 'Ủy ban kiểm tra', phone: '+84900000001', channels: ['sms'], digest: 'daily' },
  ],
});
const ADMIN_ONLY = (status: number) => ({ recorder: 403, inspector: 403, admin: status });
const retractionOf = (meetingId: string) => ({ type: 'MeetingRetracted', eventId: fresh(`ev-retract-${meetingId}`), meetingId, recordedAt: '2026-03-25T08:00:00+07:00' });

export const CASES: Case[] = [
  { route: 'GET /health', method: 'GET', path: () => '/health', status: READ },
  // PUT /org replaces the whole org: one province's admin may not, whether the snapshot holds both provinces or only their own.
  { route: 'PUT /org (both provinces)', method: 'PUT', path: () => '/org', body: () => twoProvinceOrg(), status: ALL(403) },
  { route: 'PUT /org (own province only)', method: 'PUT', path: () => '/org', body: (own) => provinceOrg(own), status: ALL(403) },
  {
    route: 'POST /events (own cell)',
    method: 'POST',
    path: () => '/events',
    body: (own, role) => newMeeting(`${own}.NL.THCS`, `${own}-own-${role}`),
    status: WRITE,
    effects: (own, role, status) => [{ subject: `${own}.NL.THCS`, meetingId: `${own}-own-${role}`, counts: status === 202 }],
  },
  {
    route: 'POST /events (other province’s cell)',
    method: 'POST',
    path: () => '/events',
    body: (own, role) => newMeeting(theirs(own, '.NL.THCS'), `${own}-into-${role}`),
    status: ALL(403),
    effects: (own, role) => [{ subject: theirs(own, '.NL.THCS'), meetingId: `${own}-into-${role}`, counts: false }],
  },
  // Another province's member or leader in an event reads exactly as one the org has not: nothing says it exists.
  ...(['the other province’s', 'an unknown'] as const).flatMap((whose): Case[] => {
    const memberOf = (own: Province) => (whose === 'an unknown' ? 'THCS-404' : theirs(own, '-THCS-1'));
    const leaderOf = (own: Province) => (whose === 'an unknown' ? 'L-404' : theirs(own, '-L-xa'));
    return [
      {
        route: `POST /events (own cell, ${whose} member attending)`,
        method: 'POST',
        path: () => '/events',
        body: (own, role) => ({ ...newMeeting(`${own}.NL.THCS`, fresh(`${own}-member-${role}`)), attendance: [{ memberId: memberOf(own), status: 'present' }] }),
        status: { recorder: 400, inspector: 403, admin: 400 },
        answer: (own) => ({ errors: [{ index: 0, path: 'attendance.0.memberId', message: `"${memberOf(own)}" is not a member of unit "${own}.NL.THCS" or of its committee` }] }),
      },
      {
        route: `POST /events (own cell, ${whose} leader visiting)`,
        method: 'POST',
        path: () => '/events',
        body: (own, role) => ({ ...newMeeting(`${own}.NL.THCS`, fresh(`${own}-leader-${role}`)), visitingLeaderIds: [leaderOf(own)] }),
        status: { recorder: 400, inspector: 403, admin: 400 },
        answer: (own) => ({ errors: [{ index: 0, path: 'visitingLeaderIds.0', message: `unknown leader "${leaderOf(own)}" in province "${own}"` }] }),
      },
    ];
  }),
  {
    route: 'POST /events (retract the other province’s meeting)',
    method: 'POST',
    path: () => '/events',
    body: (own) => retractionOf(theirs(own, '-TDP5-01')),
    status: ALL(403),
    effects: (own) => [{ subject: theirs(own, '.NL.TDP5'), meetingId: theirs(own, '-TDP5-01'), counts: true }],
  },
  {
    route: 'POST /events (move the other province’s meeting into own cell)',
    method: 'POST',
    path: () => '/events',
    body: (own) => ({ ...provinceEvents(other(own)).find((e) => e.meetingId === theirs(own, '-TDP2-01')), eventId: fresh(`ev-move-${own}`), version: 9, unitId: `${own}.NL.TDP2` }),
    status: ALL(403),
    effects: (own) => [
      { subject: theirs(own, '.NL.TDP2'), meetingId: theirs(own, '-TDP2-01'), counts: true },
      { subject: `${own}.NL.TDP2`, meetingId: theirs(own, '-TDP2-01'), counts: false },
    ],
  },
  { route: 'GET /findings (default scope)', method: 'GET', path: () => '/findings', status: READ, read: 'own' },
  { route: 'GET /findings?unit=own province', method: 'GET', path: (own) => `/findings?unit=${own}`, status: READ, read: 'own' },
  { route: 'GET /findings?unit=other province', method: 'GET', path: (own) => `/findings?unit=${other(own)}`, status: ALL(403) },
  { route: 'GET /findings?unit=other province’s cell', method: 'GET', path: (own) => `/findings?unit=${theirs(own, '.NL.TDP2')}&kind=violation`, status: ALL(403) },
  { route: 'GET /obligations?subject=own cell', method: 'GET', path: (own) => `/obligations?subject=${own}.NL.TDP2`, status: READ, read: 'own' },
  { route: 'GET /obligations?subject=own leader', method: 'GET', path: (own) => `/obligations?subject=${own}-L-tv`, status: READ, read: 'own' },
  { route: 'GET /obligations?subject=other province’s cell', method: 'GET', path: (own) => `/obligations?subject=${theirs(own, '.NL.TDP2')}`, status: READ, read: 'none' },
  { route: 'GET /obligations?subject=other province’s leader', method: 'GET', path: (own) => `/obligations?subject=${theirs(own, '-L-xa')}`, status: READ, read: 'none' },
  { route: 'GET /report (own scope)', method: 'GET', path: () => '/report?period=2026-Q1', status: READ, read: 'own' },
  { route: 'GET /report?unit=other province', method: 'GET', path: (own) => `/report?period=2026-Q1&unit=${other(own)}`, status: ALL(403) },
  { route: 'GET /report?unit=other province’s cell', method: 'GET', path: (own) => `/report?period=2026-Q1&unit=${theirs(own, '.NL.TDP5')}`, status: ALL(403) },
  // The dashboard's routes (docs/dashboard.md): the same scope checks; deciding on a finding is for inspectors and admins.
  { route: 'GET /heatmap (own scope)', method: 'GET', path: () => '/heatmap?period=2026-Q1', status: READ, read: 'own' },
  { route: 'GET /heatmap?unit=other province', method: 'GET', path: (own) => `/heatmap?period=2026-Q1&unit=${other(own)}`, status: ALL(403) },
  { route: 'GET /meetings?unit=own cell', method: 'GET', path: (own) => `/meetings?unit=${own}.NL.TDP2&period=2026-Q1`, status: READ, read: 'own' },
  { route: 'GET /meetings?unit=other province’s cell', method: 'GET', path: (own) => `/meetings?unit=${theirs(own, '.NL.TDP2')}&period=2026-Q1`, status: ALL(403) },
  { route: 'GET /rules', method: 'GET', path: () => '/rules', status: READ },
  {
    route: 'POST /decisions (own province’s violation)',
    method: 'POST',
    path: () => '/decisions',
    body: (own, role) => decisionOn(own, role),
    status: { recorder: 403, inspector: 201, admin: 201 },
  },
  { route: 'POST /decisions (other province’s violation)', method: 'POST', path: () => '/decisions', body: (own, role) => decisionOn(other(own), role), status: ALL(403) },
  // The contact directory (personal data) is an admin's of the province; the delivery log an inspector's too.
  { route: 'PUT /contacts (own province)', method: 'PUT', path: () => '/contacts', body: (own) => directoryOf(own), status: ADMIN_ONLY(200) },
  { route: 'PUT /contacts (other province’s leader)', method: 'PUT', path: () => '/contacts', body: (own) => directoryOf(other(own)), status: ALL(403) },
  {
    route: 'PUT /contacts (a leader of no province)',
    method: 'PUT',
    path: () => '/contacts',
    body: () => ({ contacts: [{ recipient: 'ghost-leader', name: 'X', email: 'x@example.vn', channels: ['email'], digest: 'daily' }] }),
    status: ALL(403),
  },
  { route: 'GET /contacts', method: 'GET', path: () => '/contacts', status: ADMIN_ONLY(200), read: 'own' },
  { route: 'GET /deliveries (own scope)', method: 'GET', path: () => '/deliveries', status: { recorder: 403, inspector: 200, admin: 200 }, read: 'own-or-empty' },
  { route: 'GET /deliveries?recipient=other province’s leader', method: 'GET', path: (own) => `/deliveries?recipient=${theirs(own, '-L-xa')}`, status: { recorder: 403, inspector: 200, admin: 200 }, read: 'none' },
  // Recording in the dashboard (issue 17): the cells to choose from and a cell's roster (names) only within the province; a preview stores nothing.
  { route: 'GET /cells', method: 'GET', path: () => '/cells?date=2026-03-20', status: READ, read: 'own' },
  { route: 'GET /units/{own cell}/members', method: 'GET', path: (own) => `/units/${own}.NL.TDP2/members?date=2026-03-20`, status: READ, read: 'own' },
  { route: 'GET /units/{other province’s cell}/members', method: 'GET', path: (own) => `/units/${theirs(own, '.NL.TDP2')}/members`, status: ALL(403) },
  { route: 'GET /units/{other province}/members', method: 'GET', path: (own) => `/units/${other(own)}/members`, status: ALL(403) },
  {
    route: 'POST /events/preview (own cell)',
    method: 'POST',
    path: () => '/events/preview',
    body: (own, role) => newMeeting(`${own}.NL.THCS`, `${own}-preview-${role}`),
    status: { recorder: 200, inspector: 403, admin: 200 },
    effects: (own, role) => [{ subject: `${own}.NL.THCS`, meetingId: `${own}-preview-${role}`, counts: false }],
  },
  {
    route: 'POST /events/preview (other province’s cell)',
    method: 'POST',
    path: () => '/events/preview',
    body: (own, role) => newMeeting(theirs(own, '.NL.THCS'), `${own}-preview-into-${role}`),
    status: ALL(403),
    effects: (own, role) => [{ subject: theirs(own, '.NL.THCS'), meetingId: `${own}-preview-into-${role}`, counts: false }],
  },
  {
    route: 'POST /events/preview (own cell, other province’s member attending)',
    method: 'POST',
    path: () => '/events/preview',
    body: (own, role) => ({ ...newMeeting(`${own}.NL.THCS`, fresh(`${own}-preview-member-${role}`)), attendance: [{ memberId: theirs(own, '-THCS-1'), status: 'present' }] }),
    status: { recorder: 400, inspector: 403, admin: 400 },
    answer: (own) => ({ errors: [{ index: 0, path: 'attendance.0.memberId', message: `"${theirs(own, '-THCS-1')}" is not a member of unit "${own}.NL.THCS" or of its committee` }] }),
  },
  { route: 'GET /quality-sheets', method: 'GET', path: () => '/quality-sheets', status: READ },
  // The simulated clock is the whole runtime's: moving it runs every province's sweeps.
  { route: 'POST /admin/clock', method: 'POST', path: () => '/admin/clock', body: () => ({ now: AS_OF }), status: ALL(403), only: 'embedded' },
  { route: 'POST /admin/clock', method: 'POST', path: () => '/admin/clock', body: () => ({ now: AS_OF }), status: ALL(404), only: 'lambda' },
];

/** Without a token: 401 on every route but /health (and a route the entry point does not have). */
const ANONYMOUS: Array<{ method: string; path: string; status: number; only?: Entry }> = [
  { method: 'GET', path: '/health', status: 200 },
  { method: 'PUT', path: '/org', status: 401 },
  { method: 'POST', path: '/events', status: 401 },
  { method: 'GET', path: '/findings', status: 401 },
  { method: 'GET', path: '/obligations?subject=LC.NL.TDP2', status: 401 },
  { method: 'GET', path: '/report?period=2026-Q1&unit=LC', status: 401 },
  { method: 'GET', path: '/heatmap?period=2026-Q1&unit=LC', status: 401 },
  { method: 'GET', path: '/meetings?period=2026-Q1&unit=LC.NL.TDP2', status: 401 },
  { method: 'GET', path: '/rules', status: 401 },
  { method: 'POST', path: '/decisions', status: 401 },
  { method: 'PUT', path: '/contacts', status: 401 },
  { method: 'GET', path: '/contacts', status: 401 },
  { method: 'GET', path: '/deliveries', status: 401 },
  { method: 'GET', path: '/cells', status: 401 },
  { method: 'GET', path: '/units/LC.NL.TDP2/members', status: 401 },
  { method: 'POST', path: '/events/preview', status: 401 },
  { method: 'GET', path: '/quality-sheets', status: 401 },
  { method: 'POST', path: '/admin/clock', status: 401, only: 'embedded' },
  { method: 'POST', path: '/admin/clock', status: 404, only: 'lambda' },
];

/** Registers the table's tests for one entry point; `client` is ready when the tests run. */
export function describeIsolation(entry: Entry, client: () => Client): void {
  const effects: Array<{ row: string; subject: string; meetingId: string; counts: boolean }> = [];
  const rows = CASES.filter((c) => !c.only || c.only === entry).flatMap((c) => PROVINCES.flatMap((province) => ROLES.map((role) => ({ c, province, role }))));

  describe(`isolation through the ${entry} entry point`, () => {
    it.each(rows.map((r) => [`${r.c.route} as ${r.province} ${r.role} → ${r.c.status[r.role]}`, r] as const))('%s', async (row, { c, province, role }) => {
      const res = await client()({ province, role }, c.method, c.path(province), c.body?.(province, role));
      expect(res.status, JSON.stringify(res.body)).toBe(c.status[role]);
      if (res.status >= 400) expect(res.body).toMatchObject(res.status === 400 ? { errors: expect.any(Array) } : { error: expect.any(String) });
      if (res.status === 400 && c.answer) expect(res.body).toMatchObject(c.answer(province) as object);
      if (c.read === 'none' && res.status === 200) expect(res.body).toEqual([]);
      if (c.read === 'own' && res.status === 200) {
        expect(res.body).not.toEqual([]);
        expect([...provincesIn(res.body)]).toEqual([province]);
      }
      if (c.read === 'own-or-empty' && res.status === 200) expect([...provincesIn(res.body)].filter((p) => p !== province)).toEqual([]);
      // An error never names the other province's units, members or meetings beyond what the caller sent.
      if (res.status === 403 && c.method === 'GET') expect(JSON.stringify(res.body)).not.toMatch(new RegExp(`"${other(province)}-`));
      for (const e of c.effects?.(province, role, res.status) ?? []) effects.push({ row, ...e });
    });

    it.each(ANONYMOUS.filter((a) => !a.only || a.only === entry).map((a) => [`${a.method} ${a.path} without a token → ${a.status}`, a] as const))('%s', async (_, a) => {
      const res = await client()('nobody', a.method, a.path, a.method === 'GET' ? undefined : {});
      expect(res.status).toBe(a.status);
    });

    it('afterwards: accepted meetings count, refused ones do not, and both provinces are whole', async () => {
      expect(effects.length).toBeGreaterThan(0);
      for (const e of effects) {
        const res = await client()('national', 'GET', `/obligations?subject=${e.subject}`);
        const evidence = (res.body as Array<{ evidence: string[] }>).flatMap((o) => o.evidence);
        expect(evidence.includes(e.meetingId), `${e.row}: ${e.meetingId} in ${e.subject}`).toBe(e.counts);
      }
      for (const u of twoProvinceOrg().units) expect((await client()('national', 'GET', `/findings?unit=${u.id}`)).status, u.id).toBe(200);
    });
  });
}
