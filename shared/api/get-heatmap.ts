/** GET /heatmap?period=P&unit=ID: the compliance heatmap of a unit's subtree (shared/reports/heatmap.ts). */
import * as z from 'zod';
import type { Caller } from '../auth/caller.ts';
import { PeriodId } from '../contract/findings.ts';
import { Id } from '../contract/primitives.ts';
import { reportYear } from '../reports/period-report.ts';
import { heatmap } from '../reports/heatmap.ts';
import { badQuery, type ApiDeps, type ApiRequest, type ApiResponse } from './api-types.ts';
import { RULES } from '../rules/rule-index.ts';
import { unitInScope } from './unit-in-scope.ts';

const HeatmapQuery = z.strictObject({ period: PeriodId, unit: Id.optional() });

export async function getHeatmap(req: ApiRequest & { caller: Caller }, deps: ApiDeps): Promise<ApiResponse> {
  const query = HeatmapQuery.safeParse(req.query);
  if (!query.success) return badQuery(query.error, req.query);
  const unit = await unitInScope(req.caller, query.data.unit, deps);
  if (!unit.ok) return unit.response;
  const org = await deps.reports.provinceOrg(unit.path[0]!);
  const cells = [...org.units.values()].filter((u) => u.kind === 'cell' && org.isWithin(u.id, unit.unitId)).map((u) => u.id);
  const [entries, findings, decisions] = await Promise.all([
    deps.reports.subjectEntries(cells, reportYear(query.data.period)),
    deps.ledger.findings({ unitId: unit.unitId }),
    deps.decisions.decisions(unit.path),
  ]);
  return { status: 200, body: heatmap({ org, unitId: unit.unitId, period: query.data.period, asOf: deps.now(), rules: RULES, entries, findings, decisions }) };
}
