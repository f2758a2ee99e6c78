/** GET /meetings?unit=CELL&period=P: a cell's meetings of the period with their attendance (the heatmap's drill-down). */
import * as z from 'zod';
import type { Caller } from '../auth/caller.ts';
import { PeriodId } from '../contract/findings.ts';
import { Id } from '../contract/primitives.ts';
import { cellMeetings } from '../reports/cell-meetings.ts';
import { reportYear } from '../reports/period-report.ts';
import { apiError, badQuery, type ApiDeps, type ApiRequest, type ApiResponse } from './api-types.ts';
import { unitInScope } from './unit-in-scope.ts';

const MeetingsQuery = z.strictObject({ unit: Id, period: PeriodId });

export async function getMeetings(req: ApiRequest & { caller: Caller }, deps: ApiDeps): Promise<ApiResponse> {
  const query = MeetingsQuery.safeParse(req.query);
  if (!query.success) return badQuery(query.error, req.query);
  const unit = await unitInScope(req.caller, query.data.unit, deps);
  if (!unit.ok) return unit.response;
  const org = await deps.reports.provinceOrg(unit.path[0]!);
  if (org.unit(unit.unitId)?.kind !== 'cell') return apiError(400, 'bad query', { errors: [{ path: 'unit', message: `unit "${unit.unitId}" is not a cell` }] });
  const entries = await deps.reports.subjectEntries([unit.unitId], reportYear(query.data.period));
  return { status: 200, body: cellMeetings(org, unit.unitId, query.data.period, entries) };
}
