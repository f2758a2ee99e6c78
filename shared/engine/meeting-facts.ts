import type { AttendanceStatus, MeetingKind, MeetingRecorded } from '../contract/events.ts';
import type { Unit } from '../contract/org.ts';
import type { PeriodId } from '../contract/findings.ts';
import { instantMs, localDateOf, periodOf, type Granularity } from '../calendar/period.ts';
import type { Evidence } from '../ledger/ledger.ts';
import type { OrgIndex } from '../org/org-index.ts';

/** One meeting version with what every rule template asks of it computed once. */
export interface MeetingFacts {
  readonly meetingId: string;
  readonly version: number;
  readonly kind: MeetingKind;
  readonly unit: Unit;
  readonly heldAt: number;
  /** `{ heldAt }`: the evidence most marks keep, one frozen object for all of them. */
  readonly heldAtEvidence: Evidence;
  /** Local date of heldAt: the date membership, exemptions and assignments are read on. */
  readonly date: string;
  /** The month, quarter and year the meeting was held in. */
  readonly periods: Readonly<Record<Granularity, PeriodId>>;
  readonly endedAt: number | undefined;
  readonly recordedAt: number;
  readonly attendance: ReadonlyMap<string, AttendanceStatus>;
  readonly visitingLeaderIds: readonly string[];
  readonly record: MeetingRecorded;
  /** Members of the meeting's cell eligible on its date, and how many of them are present or absent without excuse (several rules ask; counted once). */
  eligibility(): { readonly eligible: number; readonly present: number; readonly unexcused: number };
}

export function meetingFacts(record: MeetingRecorded, unit: Unit, org: OrgIndex): MeetingFacts {
  const heldAt = instantMs(record.heldAt);
  const date = localDateOf(heldAt);
  const attendance = new Map<string, AttendanceStatus>();
  for (const a of record.attendance) attendance.set(a.memberId, a.status);
  let eligibility: { eligible: number; present: number; unexcused: number } | undefined;
  return {
    meetingId: record.meetingId,
    version: record.version,
    kind: record.kind,
    unit,
    heldAt,
    heldAtEvidence: Object.freeze({ heldAt }),
    date,
    periods: { month: periodOf(heldAt, 'month'), quarter: periodOf(heldAt, 'quarter'), year: periodOf(heldAt, 'year') },
    endedAt: record.endedAt === undefined ? undefined : instantMs(record.endedAt),
    recordedAt: instantMs(record.recordedAt),
    attendance,
    visitingLeaderIds: record.visitingLeaderIds,
    record,
    eligibility() {
      if (eligibility) return eligibility;
      let eligible = 0;
      let present = 0;
      let unexcused = 0;
      for (const member of org.cellMembers(unit.id)) {
        if (!org.isEligible(member, unit.id, date)) continue;
        eligible++;
        const status = attendance.get(member.id);
        if (status === 'present') present++;
        else if (status === 'absent') unexcused++;
      }
      return (eligibility = { eligible, present, unexcused });
    },
  };
}
