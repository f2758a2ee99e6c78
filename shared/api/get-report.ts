/** GET /report?period=P&unit=ID: the period report of a unit's subtree (the caller's scope when it is one unit). */
import * as z from 'zod';
import type { Caller } from '../auth/caller.ts';
import { PeriodId } from '../contract/findings.ts';
import { Id } from '../contract/primitives.ts';
import { periodReport, reportYear } from '../reports/period-report.ts';
import { RULES } from '../rules/rule-index.ts';
import { badQuery, type ApiDeps, type ApiRequest, type ApiResponse } from './api-types.ts';
import { unitInScope } from './unit-in-scope.ts';

const ReportQuery = z.strictObject({ period: PeriodId, unit: Id.optional() });

export async function getReport(req: ApiRequest & { caller: Caller }, deps: ApiDeps, now: number): Promise<ApiResponse> {
  const query = ReportQuery.safeParse(req.query);
  if (!query.success) return badQuery(query.error, req.query);
  const { period } = query.data;
  const unit = await unitInScope(req.caller, query.data.unit, deps);
  if (!unit.ok) return unit.response;
  const { unitId, path } = unit;

  const org = await deps.reports.provinceOrg(path[0]!);
  const subjects = [
    ...[...org.units.values()].filter((u) => u.kind === 'cell' && org.isWithin(u.id, unitId)).map((u) => u.id),
    ...[...org.leaders.values()].filter((l) => l.positions.some((p) => org.isWithin(p.unitId, unitId))).map((l) => l.id),
  ];
  const [entries, findings, decisions] = await Promise.all([deps.reports.subjectEntries(subjects, reportYear(period)), deps.ledger.findings({ unitId, kind: 'violation' }), deps.decisions.decisions(path)]);
  return { status: 200, body: periodReport({ org, unitId, period, asOf: now, rules: RULES, entries, findings, decisions }) };
}
