/**
 * The attendance criterion's bonus reads the cell's year, not one record:
 * "nobody with more than 3 consecutive excused absences this year". For
 * each meeting of a cell's year, the longest such run of any member up to
 * and including it. A run counts the cell's meetings of the given kinds in
 * time order, skipping those where the member is not eligible (as HD 12's
 * alert, dieu-le/excused-absence-streak, counts it); any other status ends it.
 */
import { localDateOf } from '../calendar/period.ts';
import type { MeetingKind } from '../contract/events.ts';
import type { OrgIndex } from '../org/org-index.ts';

export interface AttendedMeeting {
  meetingId: string;
  heldAt: number;
  kind: MeetingKind;
  excused: readonly string[];
}

/**
 * meetingId → the longest run so far, for every meeting in `attended` and
 * every id in `probes` (meetings rated but not counted, e.g. thematic ones).
 */
export function longestStreaksSoFar(
  cellId: string,
  attended: readonly AttendedMeeting[],
  kinds: readonly MeetingKind[],
  org: OrgIndex,
  probes: ReadonlyArray<{ meetingId: string; heldAt: number }> = [],
): Map<string, number> {
  type Point = { meetingId: string; heldAt: number; counted: AttendedMeeting | null };
  const points: Point[] = [
    ...attended.map((m) => ({ meetingId: m.meetingId, heldAt: m.heldAt, counted: kinds.includes(m.kind) ? m : null })),
    ...probes.map((p) => ({ ...p, counted: null })),
  ];
  points.sort((a, b) => a.heldAt - b.heldAt || (a.meetingId < b.meetingId ? -1 : a.meetingId > b.meetingId ? 1 : 0));

  const runs = new Map<string, number>();
  let longest = 0;
  const out = new Map<string, number>();
  for (const { meetingId, heldAt, counted } of points) {
    if (counted) {
      const date = localDateOf(heldAt);
      const eligible = (memberId: string): boolean => {
        const member = org.members.get(memberId);
        return member !== undefined && org.isEligible(member, cellId, date);
      };
      const excused = new Set(counted.excused);
      for (const memberId of [...runs.keys()]) if (!excused.has(memberId) && eligible(memberId)) runs.delete(memberId);
      for (const memberId of excused) {
        if (!eligible(memberId)) continue;
        const run = (runs.get(memberId) ?? 0) + 1;
        runs.set(memberId, run);
        if (run > longest) longest = run;
      }
    }
    if (!out.has(meetingId) || counted) out.set(meetingId, longest);
  }
  return out;
}
