/**
 * POST /events: one event or an array of at most 500. All or nothing: any
 * bad event, unknown unit or unit outside the caller's scope, and nothing is
 * put on the bus.
 */
import { MeetingEvent } from '../contract/events.ts';
import { fromZod } from '../contract/issues.ts';
import { inScope, may, type Caller } from '../auth/caller.ts';
import { apiError, dotPath, type ApiDeps, type ApiIssue, type ApiResponse } from './api-types.ts';

export const MAX_EVENTS = 500;

export async function postEvents(json: unknown, caller: Caller, deps: ApiDeps): Promise<ApiResponse> {
  if (!may(caller, 'recorder', 'admin')) return apiError(403, 'recording meetings needs the recorder role');
  const list = Array.isArray(json) ? json : [json];
  if (list.length > MAX_EVENTS) return apiError(413, `at most ${MAX_EVENTS} events per request, not ${list.length}`);
  if (list.length === 0) return apiError(400, 'no events', { errors: [{ path: '(root)', message: 'expected one event or a non-empty array' }] });

  const events: MeetingEvent[] = [];
  const errors: ApiIssue[] = [];
  list.forEach((item, index) => {
    const parsed = MeetingEvent.safeParse(item);
    if (parsed.success) events.push(parsed.data);
    else errors.push(...fromZod(parsed.error, item).map((i) => ({ index, path: dotPath(i.path), message: i.message })));
  });
  if (errors.length > 0) return { status: 400, body: { errors } };

  const retracted = events.filter((e) => e.type === 'MeetingRetracted').map((e) => e.meetingId);
  const meetingUnits = retracted.length > 0 ? await deps.ledger.meetingUnits(retracted) : new Map<string, string>();
  const unitOf = (e: MeetingEvent) => (e.type === 'MeetingRecorded' ? e.unitId : meetingUnits.get(e.meetingId));
  const paths = await deps.orgStore.unitPaths([...new Set(events.map(unitOf).filter((u): u is string => u !== undefined))]);
  events.forEach((e, index) => {
    const unitId = unitOf(e);
    if (unitId === undefined) errors.push({ index, path: 'meetingId', message: `unknown meeting "${e.meetingId}": nothing recorded to retract` });
    else if (!paths.has(unitId)) errors.push({ index, path: 'unitId', message: `unknown unit "${unitId}"` });
  });
  if (errors.length > 0) return { status: 400, body: { errors } };
  const outside = events.flatMap((e, index) => (inScope(caller, paths.get(unitOf(e)!)!) ? [] : [index]));
  if (outside.length > 0) return apiError(403, 'events for units outside your scope; nothing was accepted', { indexes: outside });

  const seen = await deps.ledger.seenEventIds(events.map((e) => ({ eventId: e.eventId, meetingId: e.meetingId })));
  const fresh = new Map<string, MeetingEvent>();
  for (const e of events) if (!seen.has(e.eventId) && !fresh.has(e.eventId)) fresh.set(e.eventId, e);
  if (fresh.size > 0) await deps.bus.put([...fresh.values()]);
  return { status: 202, body: { accepted: fresh.size, duplicates: events.length - fresh.size } };
}
