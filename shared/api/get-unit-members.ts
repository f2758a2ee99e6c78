/**
 * GET /units/{id}/members?date=YYYY-MM-DD: who the recording form asks about
 * on the date (default today in Asia/Ho_Chi_Minh): the unit's active members,
 * exempted ones flagged, and the leaders whose positions or assignments
 * cover it (at it or an ancestor), who may visit. Recorders, inspectors and
 * admins in scope; reads the unit's partition and those leaders' items only.
 * Names are personal data: they are in this body, never in a log or an error.
 */
import * as z from 'zod';
import { may } from '../auth/caller.ts';
import { localDateOf } from '../calendar/period.ts';
import { Id, LocalDate } from '../contract/primitives.ts';
import type { UnitRoster } from '../contract/recording.ts';
import { coversDate } from '../org/org-index.ts';
import { apiError, badQuery, type ApiDeps, type ApiResponse, type RoutedRequest } from './api-types.ts';
import { unitInScope } from './unit-in-scope.ts';

const MembersQuery = z.strictObject({ date: LocalDate.optional() });

const byName = (a: { id: string; name: string }, b: { id: string; name: string }) => a.name.localeCompare(b.name, 'vi') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function getUnitMembers(req: RoutedRequest, deps: ApiDeps): Promise<ApiResponse> {
  if (!may(req.caller, 'recorder', 'inspector', 'admin')) return apiError(403, 'a unit’s members need the recorder, inspector or admin role');
  const id = Id.safeParse(req.params['id']);
  if (!id.success) return apiError(400, 'bad path', { errors: [{ path: 'unitId', message: id.error.issues[0]?.message ?? 'expected a unit id' }] });
  const query = MembersQuery.safeParse(req.query);
  if (!query.success) return badQuery(query.error, req.query);
  const date = query.data.date ?? localDateOf(deps.now());
  const unit = await unitInScope(req.caller, id.data, deps);
  if (!unit.ok) return unit.response;

  const org = await deps.orgStore.unitOrg(unit.unitId, { covering: true });
  const found = org?.unit(unit.unitId);
  // Gone between the two reads (a PUT /org): as unknown as it now is.
  if (!org || !found) return apiError(404, `unknown unit "${unit.unitId}"`);
  const onPath = new Set(unit.path);
  const roster: UnitRoster = {
    unit: { id: found.id, name: found.name, kind: found.kind },
    date,
    // In the order of the org snapshot: the cell's own roster.
    members: org
      .cellMembers(found.id)
      .filter((m) => org.memberActiveOn(m, date))
      .map((m) => ({ id: m.id, name: m.name, exempt: org.memberExemptOn(m, date) })),
    leaders: [...org.leaders.values()]
      .filter((l) => [...l.positions, ...l.assignments].some((p) => onPath.has(p.unitId) && coversDate(p, date)))
      .map((l) => ({ id: l.id, name: l.name }))
      .sort(byName),
  };
  return { status: 200, body: roster };
}
