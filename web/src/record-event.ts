/**
 * A draft as the contract's MeetingRecorded, and the little the page can
 * work out alone (attendance rate, duration) when the server's preview is out
 * of reach. The rules themselves are never checked here: that is the server's
 * core, through POST /events/preview.
 */
import { meetingIdOf, type Draft } from './drafts.ts';
import type { MeetingRecorded, UnitMembers } from './record-types.ts';
import { minutesBetween, toInstant } from './vietnam-time.ts';

/** Members who are asked (active, not exempted), in the server's order. */
export const eligibleMembers = (members: UnitMembers | null) => (members?.members ?? []).filter((m) => !m.exempt);

/** The event to send or preview; recordedAt is the monitor's now (its clock may be a demo's). */
export function toEvent(draft: Draft, members: UnitMembers | null, recordedAt: string): MeetingRecorded {
  const heldAt = toInstant(draft.start) ?? '';
  const endedAt = toInstant(draft.end);
  const speakers = draft.speakerCount.trim() === '' ? undefined : Number(draft.speakerCount);
  const topic = draft.topic.trim();
  const scores = Object.entries(draft.quality?.scores ?? {}).filter(([, v]) => v.trim() !== '');
  return {
    type: 'MeetingRecorded',
    eventId: draft.eventId,
    meetingId: meetingIdOf(draft),
    version: draft.version,
    unitId: draft.unitId,
    kind: draft.kind,
    heldAt,
    ...(endedAt ? { endedAt } : {}),
    recordedAt,
    attendance: eligibleMembers(members).flatMap((m) => (draft.attendance[m.id] ? [{ memberId: m.id, status: draft.attendance[m.id]! }] : [])),
    visitingLeaderIds: draft.leaderIds,
    resolutionIssued: draft.resolutionIssued,
    ...(speakers !== undefined ? { speakerCount: speakers } : {}),
    ...(topic ? { topic } : {}),
    ...(draft.quality?.sheet ? { quality: { sheet: draft.quality.sheet, scoredBy: 'self' as const, scores: Object.fromEntries(scores.map(([k, v]) => [k, Number(v)])) } } : {}),
  };
}

/** What the page says without the server: present ÷ eligible (exempted members are not eligible) and the minutes. */
export function localFigures(draft: Draft, members: UnitMembers | null): { present: number; eligible: number; unticked: number; rate: number | null; minutes: number | null } {
  const eligible = eligibleMembers(members);
  const present = eligible.filter((m) => draft.attendance[m.id] === 'present').length;
  return {
    present,
    eligible: eligible.length,
    unticked: eligible.filter((m) => !draft.attendance[m.id]).length,
    rate: eligible.length === 0 ? null : present / eligible.length,
    minutes: minutesBetween(draft.start, draft.end),
  };
}
