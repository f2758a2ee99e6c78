/**
 * POST /decisions: an inspection committee acknowledges a finding, or excuses
 * it with a reason. Inspectors and admins only, within their scope (the
 * finding's unit); recorded once per finding and action, with who and when:
 * the same request again answers 200 with the decision that stands.
 */
import { inScope, may, type Caller } from '../auth/caller.ts';
import { DecisionRequest } from '../contract/decisions.ts';
import { findingIdentity } from '../contract/findings.ts';
import { apiError, dotPath, parseBody, type ApiDeps, type ApiRequest, type ApiResponse } from './api-types.ts';

export async function postDecision(req: ApiRequest & { caller: Caller }, deps: ApiDeps): Promise<ApiResponse> {
  if (!may(req.caller, 'inspector', 'admin')) return apiError(403, 'deciding on a finding needs the inspector or admin role');
  const body = parseBody(req.body);
  if (!body.ok) return body.response;
  const parsed = DecisionRequest.safeParse(body.json);
  if (!parsed.success) return apiError(400, 'invalid decision', { errors: parsed.error.issues.map((i) => ({ path: dotPath(i.path), message: i.message })) });
  const { finding: ref, action, reason } = parsed.data;
  if (ref.kind === 'reminder') return apiError(400, 'invalid decision', { errors: [{ path: 'finding.kind', message: 'a reminder is not decided on: only violations and alerts' }] });
  const identity = findingIdentity(ref);
  const placed = await deps.decisions.finding(identity);
  if (!placed) return apiError(404, 'no such finding');
  if (!inScope(req.caller, placed.unitPath)) return apiError(403, 'the finding is outside your scope');
  if (!placed.active) return apiError(409, 'the finding was withdrawn: a later record met the obligation');
  const decision = { action, by: req.caller.name ?? 'unknown', at: new Date(deps.now()).toISOString(), ...(reason !== undefined ? { reason } : {}) };
  const result = await deps.decisions.record(identity, placed, decision);
  if (!result.created && action === 'excuse' && result.decision.reason !== reason) return apiError(409, 'the finding is already excused, for another reason', { decision: result.decision });
  return { status: result.created ? 201 : 200, body: { finding: ref, decision: result.decision } };
}
