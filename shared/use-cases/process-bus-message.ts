/** One message from the meetings queue: the bus envelope parsed, the contract's event applied. */
import type { ApplyOutcome } from '../engine/engine.ts';
import { BusMessage } from '../contract/bus-message.ts';
import type { MeetingEvent } from '../contract/events.ts';
import { formatPath } from '../contract/issues.ts';
import { CheckedMeetingEvent } from '../quality/checked-event.ts';
import { PermanentError } from './errors.ts';
import { recordMeeting, type RecordMeetingDeps } from './record-meeting.ts';

export async function processBusMessage(body: string, deps: RecordMeetingDeps): Promise<{ event: MeetingEvent; outcome: ApplyOutcome }> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new PermanentError('the message is not JSON');
  }
  const parsed = BusMessage.extend({ detail: CheckedMeetingEvent }).safeParse(json);
  if (!parsed.success) throw new PermanentError(parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('; '));
  const event = parsed.data.detail;
  return { event, outcome: await recordMeeting(event, deps) };
}

/** The bus envelope as EventBridge delivers it to the queue. */
export const busMessageOf = (event: MeetingEvent): string => JSON.stringify({ source: 'chibo.meetings', 'detail-type': event.type, detail: event });
