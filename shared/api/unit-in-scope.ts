/** The unit a dashboard route is about: named, or the caller's scope when that is one unit; 404 unknown, 403 outside the scope. */
import { inScope, type Caller } from '../auth/caller.ts';
import { apiError, type ApiDeps, type ApiResponse } from './api-types.ts';

export async function unitInScope(caller: Caller, named: string | undefined, deps: ApiDeps): Promise<{ ok: true; unitId: string; path: string[] } | { ok: false; response: ApiResponse }> {
  const unitId = named ?? (caller.scope.length === 1 ? caller.scope[0] : undefined);
  if (unitId === undefined) return { ok: false, response: apiError(400, 'bad query', { errors: [{ path: 'unit', message: 'your scope has several units: name one' }] }) };
  const path = (await deps.orgStore.unitPaths([unitId])).get(unitId);
  if (!path) return { ok: false, response: apiError(404, `unknown unit "${unitId}"`) };
  if (!inScope(caller, path)) return { ok: false, response: apiError(403, `unit "${unitId}" is outside your scope`) };
  return { ok: true, unitId, path };
}
