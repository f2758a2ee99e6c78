/**
 * POST /events/preview: what one MeetingRecorded would do (attendance,
 * duration, the rules it breaches or counts toward), checked exactly as
 * POST /events checks it, and then neither stored nor put on the bus.
 */
import { parseEvents, checkEvents, mayRecord } from './post-events.ts';
import { previewMeeting } from '../engine/meeting-preview.ts';
import { apiError, type ApiDeps, type ApiResponse, type RoutedRequest } from './api-types.ts';
import { configOf } from './api-config.ts';

export async function postPreview(req: RoutedRequest, deps: ApiDeps): Promise<ApiResponse> {
  const refused = mayRecord(req.caller);
  if (refused) return refused;
  const parsed = parseEvents(req.body);
  if (!parsed.ok) return parsed.response;
  const [event] = parsed.events;
  if (parsed.batch || event === undefined) return apiError(400, 'a preview is of one event', { errors: [{ path: '(root)', message: 'expected one MeetingRecorded event, not an array' }] });
  if (event.type !== 'MeetingRecorded') return apiError(400, 'a preview is of one event', { errors: [{ index: 0, path: 'type', message: 'only a MeetingRecorded event has a preview' }] });
  const checked = await checkEvents([event], req.caller, deps);
  if (!checked.ok) return checked.response;
  const org = await deps.orgStore.unitOrg(event.unitId, { leaderIds: event.visitingLeaderIds });
  // Gone between the check and this read (a PUT /org): answered as the check would now.
  if (!org?.unit(event.unitId)) return { status: 400, body: { errors: [{ index: 0, path: 'unitId', message: `unknown unit "${event.unitId}"` }] } };
  return { status: 200, body: previewMeeting(event, org, configOf(deps), deps.now()) };
}
