/**
 * GET /deliveries?recipient=&status=&unit=: what became of each notice, for
 * inspectors and admins, within their scope: a record is seen by whoever has
 * its unit (a digest's, the committee's unit or the province) in scope.
 */
import { inScope, may, type Caller } from '../auth/caller.ts';
import { committeeUnitOf } from '../contract/contacts.ts';
import { DeliveriesQuery, type DeliveryRecord } from '../contract/deliveries.ts';
import { apiError, badQuery, type ApiDeps, type ApiRequest, type ApiResponse } from './api-types.ts';

/** The unit a record belongs to, for scope: its notice's unit; a digest's is the committee's unit, or the province. */
const unitOf = (r: DeliveryRecord): string => r.unitId ?? committeeUnitOf(r.recipient) ?? r.provinceId;

const ORDER = (a: DeliveryRecord, b: DeliveryRecord): number => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.recipient < b.recipient ? -1 : a.recipient > b.recipient ? 1 : 0);

export async function getDeliveries(req: ApiRequest & { caller: Caller }, deps: ApiDeps): Promise<ApiResponse> {
  if (!may(req.caller, 'inspector', 'admin')) return apiError(403, 'the delivery log needs the inspector or admin role');
  const query = DeliveriesQuery.safeParse(req.query);
  if (!query.success) return badQuery(query.error, req.query);
  const { recipient, status, unit } = query.data;
  let provinces: string[];
  if (req.caller.wholeOrg) provinces = [...(await deps.orgStore.provinces())];
  else provinces = [...new Set([...(await deps.orgStore.unitPaths(req.caller.scope)).values()].map((p) => p[0]!))];
  const records = recipient !== undefined ? await deps.deliveries.records({ recipient }) : await deps.deliveries.records({ provinceIds: provinces });
  const paths = await deps.orgStore.unitPaths([...new Set(records.map(unitOf))]);
  const seen = records.filter((r) => {
    const path = paths.get(unitOf(r));
    if (!path || !(req.caller.wholeOrg || inScope(req.caller, path))) return false;
    return (status === undefined || r.status === status) && (unit === undefined || path.includes(unit));
  });
  return { status: 200, body: seen.sort(ORDER) };
}
