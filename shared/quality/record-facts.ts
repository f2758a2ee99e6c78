/** What the computed criteria read of one meeting version: eligible, present and absent members, minutes, speakers. */
import type { MeetingFacts } from '../engine/meeting-facts.ts';
import type { OrgIndex } from '../org/org-index.ts';
import type { RecordFacts } from './computed-criteria.ts';

export function recordFacts(meeting: MeetingFacts, org: OrgIndex): RecordFacts {
  const { eligible, present } = meeting.eligibility();
  let unexcused = 0;
  for (const member of org.cellMembers(meeting.unit.id)) {
    if (org.isEligible(member, meeting.unit.id, meeting.date) && meeting.attendance.get(member.id) === 'absent') unexcused++;
  }
  return {
    kind: meeting.kind,
    eligible,
    present,
    unexcused,
    minutes: meeting.endedAt === undefined ? undefined : Math.floor((meeting.endedAt - meeting.heldAt) / 60_000),
    speakerCount: meeting.record.speakerCount,
  };
}
