/** What the computed criteria read of one meeting version: eligible, present and absent members, minutes, speakers. */
import type { MeetingFacts } from '../engine/meeting-facts.ts';
import type { RecordFacts } from './computed-criteria.ts';

export function recordFacts(meeting: MeetingFacts): RecordFacts {
  const { eligible, present, unexcused } = meeting.eligibility();
  return {
    kind: meeting.kind,
    eligible,
    present,
    unexcused,
    minutes: meeting.endedAt === undefined ? undefined : Math.floor((meeting.endedAt - meeting.heldAt) / 60_000),
    speakerCount: meeting.record.speakerCount,
  };
}
