/** The HTTP API of DESIGN.md, framework-free: the Lambda handler and the embedded server both call it. */
import * as z from 'zod';
import { holdsProvinces, inScope, may } from '../auth/caller.ts';
import type { ReviewedFinding } from '../contract/decisions.ts';
import { compareFindings, findingIdentity, FindingKind, PeriodId } from '../contract/findings.ts';
import { Id } from '../contract/primitives.ts';
import { formatInstant } from '../calendar/period.ts';
import type { MeetingHeld } from '../ports/ledger-queries.ts';
import { parseOrg } from '../org/parse-org.ts';
import { BUILT_IN_PACKS } from '../rules/packs/index.ts';
import { apiError, badQuery, dotPath, parseBody, unauthenticated, type ApiDeps, type ApiRequest, type ApiResponse, type RoutedRequest } from './api-types.ts';
import { getContacts, putContacts } from './contacts.ts';
import { getDeliveries } from './get-deliveries.ts';
import { getHeatmap } from './get-heatmap.ts';
import { getMeetings } from './get-meetings.ts';
import { getReport } from './get-report.ts';
import { getRules } from './get-rules.ts';
import { postDecision } from './post-decision.ts';
import { postEvents } from './post-events.ts';
import { getCells } from './get-cells.ts';
import { getUnitMembers } from './get-unit-members.ts';
import { postPreview } from './post-preview.ts';
import { getQualitySheets } from './get-quality-sheets.ts';
import { findRoute } from './route-match.ts';

type Route = (req: RoutedRequest, deps: ApiDeps) => Promise<ApiResponse>;

/** `include=meeting`: a meeting's findings also say where and when it was held (the dashboard names it so); without it, DESIGN's findings exactly. */
const FindingsQuery = z.strictObject({ unit: Id.optional(), period: PeriodId.optional(), kind: FindingKind.optional(), rule: z.string().min(1).max(200).optional(), include: z.literal('meeting').optional() });
const ObligationsQuery = z.strictObject({ subject: Id, period: PeriodId.optional() });

const putOrg: Route = async (req, deps) => {
  if (!may(req.caller, 'admin')) return apiError(403, 'replacing the org needs the admin role');
  const body = parseBody(req.body);
  if (!body.ok) return body.response;
  const parsed = parseOrg(body.json);
  if (!parsed.ok) return apiError(400, 'invalid org snapshot', { errors: parsed.issues.map((i) => ({ path: dotPath(i.path), message: i.message })) });
  const unknownPacks = (parsed.value.snapshot.packs ?? []).flatMap((b, i) => (BUILT_IN_PACKS.has(b.pack) ? [] : [{ path: `packs.${i}.pack`, message: `unknown pack "${b.pack}"` }]));
  if (unknownPacks.length > 0) return apiError(400, 'invalid org snapshot', { errors: unknownPacks });
  // The snapshot replaces the whole org: one province's admin must not delete or rewrite another's.
  const sent = parsed.value.snapshot.units.filter((u) => u.parentId === null).map((u) => u.id);
  if (!holdsProvinces(req.caller, [...(await deps.orgStore.provinces()), ...sent])) return apiError(403, 'replacing the org needs an admin whose scope holds every province of the org, stored and sent');
  return { status: 200, body: await deps.orgStore.replace(parsed.value.snapshot) };
};

const getFindings: Route = async (req, deps) => {
  const query = FindingsQuery.safeParse(req.query);
  if (!query.success) return badQuery(query.error, req.query);
  const { unit, period, kind, rule, include } = query.data;
  const units = unit === undefined ? req.caller.scope : [unit];
  // One read for every unit's path: the decisions are found by it.
  const paths = await deps.orgStore.unitPaths(units);
  if (unit !== undefined) {
    const path = paths.get(unit);
    if (!path) return apiError(404, `unknown unit "${unit}"`);
    if (!inScope(req.caller, path)) return apiError(403, `unit "${unit}" is outside your scope`);
  }
  const found = new Map<string, ReviewedFinding>();
  for (const unitId of units) {
    const path = paths.get(unitId);
    if (!path) continue;
    // A finding carries the decisions on it (POST /decisions) once it has any; without them it is exactly DESIGN's finding.
    const [findings, decisions] = await Promise.all([deps.ledger.findings({ unitId, ...(period ? { period } : {}), ...(kind ? { kind } : {}) }), deps.decisions.decisions(path)]);
    for (const f of findings) {
      if (rule !== undefined && f.ruleId !== rule) continue;
      const decided = decisions.get(findingIdentity(f));
      found.set(findingIdentity(f), decided ? { ...f, decisions: decided } : f);
    }
  }
  // A meeting is named to people by its unit and date, not its id.
  const meetingIds = include === 'meeting' ? [...found.values()].filter((f) => f.subject.type === 'meeting').map((f) => f.subject.id) : [];
  const held = meetingIds.length > 0 ? await deps.ledger.meetingsHeld([...new Set(meetingIds)]) : new Map<string, MeetingHeld>();
  const named = [...found.values()].map((f) => {
    const m = f.subject.type === 'meeting' ? held.get(f.subject.id) : undefined;
    return m ? { ...f, meeting: { unitId: m.unitId, heldAt: m.heldAt === null ? null : formatInstant(m.heldAt) } } : f;
  });
  return { status: 200, body: named.sort(compareFindings) };
};

const getObligations: Route = async (req, deps) => {
  const query = ObligationsQuery.safeParse(req.query);
  if (!query.success) return badQuery(query.error, req.query);
  const all = await deps.ledger.obligations({ subjectId: query.data.subject, ...(query.data.period ? { period: query.data.period } : {}) });
  return { status: 200, body: all.filter((o) => inScope(req.caller, o.unitPath)).map((o) => o.value) };
};

const ROUTES: Record<string, Record<string, Route>> = {
  '/org': { PUT: putOrg },
  '/events': { POST: (req, deps) => postEvents(req.body, req.caller, deps) },
  '/findings': { GET: getFindings },
  '/obligations': { GET: getObligations },
  '/report': { GET: (req, deps) => getReport(req, deps, deps.now()) },
  // The dashboard's routes (docs/dashboard.md).
  '/heatmap': { GET: getHeatmap },
  '/meetings': { GET: getMeetings },
  '/rules': { GET: getRules },
  '/decisions': { POST: postDecision },
  // Delivery to people (docs/operations.md, "Delivery").
  '/contacts': { PUT: putContacts, GET: getContacts },
  '/deliveries': { GET: getDeliveries },
  // Recording meetings in the dashboard (issue 17): templates with {parameters} as API Gateway writes them.
  '/cells': { GET: getCells },
  '/units/{id}/members': { GET: getUnitMembers },
  '/events/preview': { POST: postPreview },
  '/quality-sheets': { GET: getQualitySheets },
};

export async function handleRequest(req: ApiRequest, deps: ApiDeps): Promise<ApiResponse> {
  const path = req.path.replace(/\/+$/, '') || '/';
  if (path === '/health') return req.method === 'GET' ? { status: 200, body: { status: 'ok' } } : apiError(405, 'method not allowed', { allow: ['GET'] });
  const found = findRoute(ROUTES, path);
  if (!found) return apiError(404, `no route ${req.method} ${req.path}`);
  const route = found.routes[req.method];
  if (!route) return apiError(405, 'method not allowed', { allow: Object.keys(found.routes) });
  if (!req.caller) return unauthenticated(req.tokenSent);
  if (!may(req.caller, 'recorder', 'inspector', 'admin')) return apiError(403, 'your token carries no role');
  return route({ ...req, caller: req.caller, params: found.params }, deps);
}
