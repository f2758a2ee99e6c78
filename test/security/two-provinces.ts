/**
 * Two provinces for isolation tests: the example org twice, as Lào Cai (LC)
 * and Hà Giang (HG). Every id of a province starts with its code ("LC.NL",
 * "LC-TDP2-1", "HG-L-xa"), so any id in a response tells whose it is.
 */
import type { MeetingEvent, MeetingRecorded } from '../../shared/contract/events.ts';
import type { OrgSnapshot } from '../../shared/contract/org.ts';
import type { Role } from '../../shared/auth/caller.ts';
import { exampleEvents, exampleOrgJson, meeting } from '../support/builders.ts';

export const PROVINCES = ['LC', 'HG'] as const;
export type Province = (typeof PROVINCES)[number];
export const ROLES: readonly Role[] = ['recorder', 'inspector', 'admin'];
export const other = (p: Province): Province => (p === 'LC' ? 'HG' : 'LC');

/** When the example's violations and reminders are all raised. */
export const AS_OF = '2026-04-04T06:00:00+07:00';
export const START = '2026-01-01T00:00:00+07:00';
/** As the e2e tests run the embedded default. */
export const ENV = { RULE_PACKS: 'yb-qd18', MONITOR_FROM: '2026-01' };

const EXAMPLE_UNITS = new Set(exampleOrgJson().units.map((u) => u.id));

/** Every string that is an id of the example, renamed into the province; other strings (names, dates, kinds) unchanged. */
function renamer(p: Province): (value: unknown) => unknown {
  const org = exampleOrgJson();
  const events = exampleEvents();
  const ids = new Map<string, string>();
  for (const id of EXAMPLE_UNITS) ids.set(id, id.replace(/^LC/, p));
  for (const id of [...org.members.map((m) => m.id), ...org.leaders.map((l) => l.id), ...events.flatMap((e) => [e.eventId, e.meetingId])]) ids.set(id, `${p}-${id}`);
  const rename = (value: unknown): unknown => {
    if (typeof value === 'string') return ids.get(value) ?? value;
    if (Array.isArray(value)) return value.map(rename);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rename(v)]));
    return value;
  };
  return rename;
}

export function provinceOrg(p: Province): OrgSnapshot {
  const org = renamer(p)(exampleOrgJson()) as OrgSnapshot;
  if (p === 'HG') for (const u of org.units) u.name = u.name.replace('Lào Cai', 'Hà Giang').replace('Nghĩa Lộ', 'Yên Minh');
  return org;
}

export function twoProvinceOrg(): OrgSnapshot {
  const [a, b] = PROVINCES.map(provinceOrg) as [OrgSnapshot, OrgSnapshot];
  return { units: [...a.units, ...b.units], members: [...a.members, ...b.members], leaders: [...a.leaders, ...b.leaders] };
}

export const provinceEvents = (p: Province): MeetingEvent[] => renamer(p)(exampleEvents()) as MeetingEvent[];
export const twoProvinceEvents = (): MeetingEvent[] => PROVINCES.flatMap(provinceEvents);

/** Every member name of both provinces: none may appear in a log line. */
export const memberNames = (): string[] => [...new Set(twoProvinceOrg().members.map((m) => m.name))];

/** A meeting held in one of the province's cells, with fresh ids. */
export function newMeeting(unitId: string, meetingId: string): MeetingRecorded {
  return meeting({ unitId, meetingId, eventId: `ev-${meetingId}`, heldAt: '2026-03-20T19:30:00+07:00' });
}

const ID_IN_TEXT = /(?<![A-Za-z0-9])(LC|HG)(?=[.-]|"|$)/g;

/** The provinces whose ids appear anywhere in a response body. */
export function provincesIn(body: unknown): Set<string> {
  return new Set([...JSON.stringify(body).matchAll(ID_IN_TEXT)].map((m) => m[1]!));
}

/** Tokens of the embedded default: one per province and role, and a national admin for setting up. */
export const token = (p: Province, role: Role): string => `sec-${p.toLowerCase()}-${role}-7f3a9c2e1b`;
export const NATIONAL_ADMIN = 'sec-national-admin-4d8e6b0a25';

export function tokensFile(): { tokens: Record<string, { units: string[]; roles: Role[] }> } {
  const tokens: Record<string, { units: string[]; roles: Role[] }> = { [NATIONAL_ADMIN]: { units: [...PROVINCES], roles: ['admin', 'recorder', 'inspector'] } };
  for (const p of PROVINCES) for (const role of ROLES) tokens[token(p, role)] = { units: [p], roles: [role] };
  return { tokens };
}

/** The Cognito ID token claims the JWT authorizer passes on, flattened as API Gateway does. */
export const claims = (p: Province | 'national', role: Role | 'all'): Record<string, string> => ({
  sub: `sub-${p}-${role}`,
  'custom:units': p === 'national' ? PROVINCES.join(',') : p,
  'cognito:groups': role === 'all' ? '[admin recorder inspector]' : `[${role}]`,
});
