/**
 * Who is calling: the units whose subtrees they may read and write (their
 * scope) and their roles. On AWS both come from the Cognito ID token's claims:
 * `custom:units` (comma-separated unit ids) and `cognito:groups`.
 */
import * as z from 'zod';
import { Id } from '../contract/primitives.ts';

export const Role = z.enum(['recorder', 'inspector', 'admin']);
export type Role = z.infer<typeof Role>;

export interface Caller {
  scope: readonly string[];
  roles: ReadonlySet<Role>;
  /** Who is calling, as a decision records it (a Cognito user name or e-mail, a tokens-file name); never the token. */
  name?: string;
  /** The embedded default's single admin on 127.0.0.1 (no tokens file): every province, also those not yet in the org. No claim sets it. */
  wholeOrg?: true;
}

/** A claim that is a list may arrive as an array, or as a string separated by commas or spaces (API Gateway flattens arrays). */
const listClaim = z.union([z.array(z.string()), z.string()]).transform((v) => (Array.isArray(v) ? v : v.replace(/^\[|\]$/g, '').split(/[\s,]+/)).map((s) => s.trim()).filter(Boolean));

const Claims = z.object({
  'custom:units': listClaim.pipe(z.array(Id)).default([]),
  'cognito:groups': listClaim.default([]),
  email: z.string().optional(),
  'cognito:username': z.string().optional(),
});

/** The caller of a verified token; unknown groups are ignored, a malformed unit id is refused. */
export function callerFromClaims(claims: unknown): Caller | null {
  const parsed = Claims.safeParse(claims ?? {});
  if (!parsed.success) return null;
  const roles = new Set(parsed.data['cognito:groups'].filter((g): g is Role => Role.safeParse(g).success));
  const name = parsed.data.email ?? parsed.data['cognito:username'];
  return { scope: parsed.data['custom:units'], roles, ...(name ? { name } : {}) };
}

/** True when the unit (given by its path from the root) lies in a subtree of the caller's scope. */
export function inScope(caller: Caller, unitPath: readonly string[]): boolean {
  return caller.scope.some((id) => unitPath.includes(id));
}

/** True when every one of these provinces is in the caller's scope: what acts on the whole org (PUT /org, the embedded clock) needs it. */
export function holdsProvinces(caller: Caller, provinceIds: Iterable<string>): boolean {
  return caller.wholeOrg === true || [...provinceIds].every((id) => caller.scope.includes(id));
}

export const may = (caller: Caller, ...roles: Role[]): boolean => roles.some((r) => caller.roles.has(r));
