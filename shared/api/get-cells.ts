/**
 * GET /cells?date=YYYY-MM-DD: the cells of the caller's scope active on the
 * date (default today in Asia/Ho_Chi_Minh), sorted by path: the recording
 * form's choice of cell. Any role; read from the provinces' unit items only.
 */
import * as z from 'zod';
import { inScope, type Caller } from '../auth/caller.ts';
import { localDateOf } from '../calendar/period.ts';
import type { CellChoice } from '../contract/recording.ts';
import { LocalDate } from '../contract/primitives.ts';
import { coversDate } from '../org/org-index.ts';
import { badQuery, type ApiDeps, type ApiResponse, type RoutedRequest } from './api-types.ts';

const CellsQuery = z.strictObject({ date: LocalDate.optional() });

/** Element by element, so a unit sorts right after its parent's siblings that come before it. */
export function comparePaths(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return a.length - b.length;
}

/** The provinces a caller's scope lies in. */
async function provincesOf(caller: Caller, deps: ApiDeps): Promise<string[]> {
  if (caller.wholeOrg) return [...(await deps.orgStore.provinces())];
  return [...new Set([...(await deps.orgStore.unitPaths(caller.scope)).values()].map((p) => p[0]!))];
}

export async function getCells(req: RoutedRequest, deps: ApiDeps): Promise<ApiResponse> {
  const query = CellsQuery.safeParse(req.query);
  if (!query.success) return badQuery(query.error, req.query);
  const date = query.data.date ?? localDateOf(deps.now());
  const units = (await Promise.all((await provincesOf(req.caller, deps)).map((p) => deps.orgStore.provinceUnits(p)))).flat();
  const cells: CellChoice[] = units
    .filter(({ unit, path }) => unit.kind === 'cell' && coversDate({ from: unit.activeFrom, to: unit.activeTo }, date) && (req.caller.wholeOrg === true || inScope(req.caller, path)))
    .sort((a, b) => comparePaths(a.path, b.path))
    .map(({ unit, path }) => ({ id: unit.id, name: unit.name, path }));
  return { status: 200, body: cells };
}
