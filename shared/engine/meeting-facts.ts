import type { AttendanceStatus, MeetingKind, MeetingRecorded } from '../contract/events.ts';
import type { Unit } from '../contract/org.ts';
import { instantMs, localDateOf } from '../calendar/period.ts';

/** One meeting version with what every rule template asks of it computed once. */
export interface MeetingFacts {
  readonly meetingId: string;
  readonly version: number;
  readonly kind: MeetingKind;
  readonly unit: Unit;
  readonly heldAt: number;
  /** Local date of heldAt: the date membership, exemptions and assignments are read on. */
  readonly date: string;
  readonly endedAt: number | undefined;
  readonly recordedAt: number;
  readonly attendance: ReadonlyMap<string, AttendanceStatus>;
  readonly visitingLeaderIds: readonly string[];
  readonly record: MeetingRecorded;
}

export function meetingFacts(record: MeetingRecorded, unit: Unit): MeetingFacts {
  const heldAt = instantMs(record.heldAt);
  return {
    meetingId: record.meetingId,
    version: record.version,
    kind: record.kind,
    unit,
    heldAt,
    date: localDateOf(heldAt),
    endedAt: record.endedAt === undefined ? undefined : instantMs(record.endedAt),
    recordedAt: instantMs(record.recordedAt),
    attendance: new Map(record.attendance.map((a) => [a.memberId, a.status])),
    visitingLeaderIds: record.visitingLeaderIds,
    record,
  };
}
