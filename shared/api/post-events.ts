/**
 * POST /events: one event or an array of at most 500. All or nothing: any
 * bad event, reference the org has not (unit, member of the unit, leader of
 * its province: the CLI's check), unknown meeting, or unit outside the
 * caller's scope, and nothing is put on the bus. Two sequential waves of
 * reads: past meetings and seen events, then the units and leaders named.
 * POST /events/preview checks its event with the same two steps
 * (parseEvents, checkEvents), so both answer a bad record alike.
 */
import type { MeetingEvent } from '../contract/events.ts';
import { CheckedMeetingEvent } from '../quality/checked-event.ts';
import { fromZod } from '../contract/issues.ts';
import { checkEventReferences } from '../org/check-event.ts';
import { inScope, may, type Caller } from '../auth/caller.ts';
import { parseJsonText } from '../contract/json-text.ts';
import { apiError, dotPath, type ApiDeps, type ApiIssue, type ApiResponse } from './api-types.ts';

export const MAX_EVENTS = 500;
/** A request body of events; the local server holds it to the same limit. */
export const MAX_EVENTS_BODY_BYTES = 1024 * 1024;
/**
 * One event's JSON: it travels as the detail of an EventBridge entry (256 KB
 * with its source and detail-type) and then inside the bus envelope to SQS,
 * so it is held well below that.
 */
export const MAX_EVENT_BYTES = 200 * 1024;

const utf8Bytes = (s: string): number => new TextEncoder().encode(s).length;

/** Checked events, or the answer to give instead. */
type Checked<T> = ({ ok: true } & T) | { ok: false; response: ApiResponse };

/** Only recorders and admins record meetings (or preview a record). */
export const mayRecord = (caller: Caller): ApiResponse | null => (may(caller, 'recorder', 'admin') ? null : apiError(403, 'recording meetings needs the recorder role'));

/**
 * The body's events as the contract takes them, with no read: its size, its
 * JSON, each event's shape. `batch`: the body was an array.
 */
export function parseEvents(body: string | undefined): Checked<{ events: MeetingEvent[]; batch: boolean }> {
  const refuse = (response: ApiResponse) => ({ ok: false as const, response });
  // UTF-16 length × 3 bounds the UTF-8 size from above: encode only when it could matter.
  if (body !== undefined && body.length * 3 > MAX_EVENTS_BODY_BYTES && utf8Bytes(body) > MAX_EVENTS_BODY_BYTES) {
    return refuse(apiError(413, `a body of events is at most ${MAX_EVENTS_BODY_BYTES} bytes; send smaller batches`));
  }
  const parsedBody = parseJsonText(body ?? '');
  if (!parsedBody.ok) {
    // In an array of events, the issue's path starts with the event's index.
    const [first, ...rest] = parsedBody.issue.path;
    const at = typeof first === 'number' ? { index: first, path: dotPath(rest) } : { path: dotPath(parsedBody.issue.path) };
    return refuse(apiError(400, parsedBody.issue.syntax ? 'the body is not valid JSON' : 'the body is JSON the contract refuses', { errors: [{ ...at, message: parsedBody.issue.message }] }));
  }
  const json = parsedBody.json;
  const list = Array.isArray(json) ? json : [json];
  if (list.length > MAX_EVENTS) return refuse(apiError(413, `at most ${MAX_EVENTS} events per request, not ${list.length}`));
  if (list.length === 0) return refuse(apiError(400, 'no events', { errors: [{ path: '(root)', message: 'expected one event or a non-empty array' }] }));

  const events: MeetingEvent[] = [];
  const errors: ApiIssue[] = [];
  list.forEach((item, index) => {
    const parsed = CheckedMeetingEvent.safeParse(item);
    if (parsed.success) events.push(parsed.data);
    else errors.push(...fromZod(parsed.error, item).map((i) => ({ index, path: dotPath(i.path), message: i.message })));
  });
  if (errors.length > 0) return refuse({ status: 400, body: { errors } });

  const tooLarge = events.flatMap((e, index) => {
    const bytes = utf8Bytes(JSON.stringify(e));
    return bytes > MAX_EVENT_BYTES ? [{ index, path: '(root)', message: `an event is at most ${MAX_EVENT_BYTES} bytes of JSON, this one is ${bytes}` }] : [];
  });
  if (tooLarge.length > 0) return refuse(apiError(413, 'events too large', { errors: tooLarge }));
  return { ok: true, events, batch: Array.isArray(json) };
}

/**
 * The events against the store, in two sequential waves of reads: each
 * meeting's unit and seen event ids, then the units and leaders named. Every
 * unit known, in the caller's scope, every member and leader referenced
 * known there; `seen`: the event ids processed before.
 */
export async function checkEvents(events: readonly MeetingEvent[], caller: Caller, deps: ApiDeps): Promise<Checked<{ seen: ReadonlySet<string> }>> {
  const refuse = (response: ApiResponse) => ({ ok: false as const, response });
  const errors: ApiIssue[] = [];

  // Where each meeting was recorded before (a retraction names only its meeting, and
  // a new version must not move a meeting out of a unit the caller cannot touch),
  // and which events were seen: read side by side, one wave.
  const [known, seen] = await Promise.all([
    deps.ledger.meetingUnits([...new Set(events.map((e) => e.meetingId))]),
    deps.ledger.seenEventIds(events.map((e) => ({ eventId: e.eventId, meetingId: e.meetingId }))),
  ]);
  const inBatch = new Map<string, string>();
  for (const e of events) if (e.type === 'MeetingRecorded' && !inBatch.has(e.meetingId)) inBatch.set(e.meetingId, e.unitId);
  /** The units an event touches: its own, and the unit its meeting was recorded for before. */
  const unitsOf = (e: MeetingEvent): string[] => {
    const before = known.get(e.meetingId);
    if (e.type === 'MeetingRecorded') return before === undefined || before === e.unitId ? [e.unitId] : [e.unitId, before];
    const unit = before ?? inBatch.get(e.meetingId);
    return unit === undefined ? [] : [unit];
  };
  // The second wave: the units' items with their members, and the visiting leaders.
  const leaderIds = events.flatMap((e) => (e.type === 'MeetingRecorded' ? e.visitingLeaderIds : []));
  const org = await deps.orgStore.eventReferences([...new Set(events.flatMap(unitsOf))], [...new Set(leaderIds)]);
  const pathOf = (unitId: string) => org.unit(unitId)?.path;
  events.forEach((e, index) => {
    if (e.type === 'MeetingRecorded') {
      if (pathOf(e.unitId) === undefined) errors.push({ index, path: 'unitId', message: `unknown unit "${e.unitId}"` });
    } else if (unitsOf(e).length === 0) {
      errors.push({ index, path: 'meetingId', message: `unknown meeting "${e.meetingId}": no record of it has been processed yet (send the retraction with or after its record)` });
    } else if (pathOf(unitsOf(e)[0]!) === undefined) {
      errors.push({ index, path: 'meetingId', message: `the unit "${unitsOf(e)[0]}" of meeting "${e.meetingId}" is no longer in the org` });
    }
  });
  if (errors.length > 0) return refuse({ status: 400, body: { errors } });

  // A unit that left the org since the meeting was recorded there is no one's scope: only the new unit is checked.
  const outside: ApiIssue[] = events.flatMap((e, index) => {
    const unit = unitsOf(e).find((u) => pathOf(u) !== undefined && !inScope(caller, pathOf(u)!));
    if (unit === undefined) return [];
    const path = e.type === 'MeetingRecorded' && e.unitId === unit ? 'unitId' : 'meetingId';
    return [{ index, path, message: path === 'unitId' ? `unit "${unit}" is outside your scope` : `meeting "${e.meetingId}" was recorded for unit "${unit}", outside your scope` }];
  });
  if (outside.length > 0) return refuse(apiError(403, 'events for units outside your scope; nothing was accepted', { indexes: outside.map((o) => o.index), errors: outside }));

  // Members and leaders only once the units are known to be the caller's: a unit elsewhere tells nothing of who is in it.
  events.forEach((e, index) => {
    for (const issue of checkEventReferences(e, org)) errors.push({ index, path: dotPath(issue.path), message: issue.message });
  });
  if (errors.length > 0) return refuse({ status: 400, body: { errors } });
  return { ok: true, seen };
}

export async function postEvents(body: string | undefined, caller: Caller, deps: ApiDeps): Promise<ApiResponse> {
  const refused = mayRecord(caller);
  if (refused) return refused;
  const parsed = parseEvents(body);
  if (!parsed.ok) return parsed.response;
  const { events } = parsed;
  const checked = await checkEvents(events, caller, deps);
  if (!checked.ok) return checked.response;
  const { seen } = checked;
  const fresh = new Map<string, MeetingEvent>();
  for (const e of events) if (!seen.has(e.eventId) && !fresh.has(e.eventId)) fresh.set(e.eventId, e);
  if (fresh.size > 0) await deps.bus.put([...fresh.values()]);
  return { status: 202, body: { accepted: fresh.size, duplicates: events.length - fresh.size } };
}
