/**
 * The attendance criterion's bonus reads the cell's year, not one record:
 * "nobody with more than 3 consecutive excused absences this year". For
 * each meeting of a cell's year, the longest such run of any member up to
 * and including it (runs as shared/rules/excused-runs.ts counts them).
 */
import type { MeetingKind } from '../contract/events.ts';
import type { OrgIndex } from '../org/org-index.ts';
import { byHeldAt, ExcusedRuns, type ExcusedAt } from '../rules/excused-runs.ts';

/** A cell meeting with its kind: the sheet's bonus counts runs over some kinds only. */
export interface AttendedMeeting extends ExcusedAt {
  kind: MeetingKind;
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
  const points = [...attended.map((m) => ({ ...m, counted: kinds.includes(m.kind) })), ...probes.map((p) => ({ ...p, excused: [], counted: false }))].sort(byHeldAt);
  const runs = new ExcusedRuns(cellId, org);
  let longest = 0;
  const out = new Map<string, number>();
  for (const point of points) {
    if (point.counted) for (const run of runs.add(point).values()) longest = Math.max(longest, run.length);
    out.set(point.meetingId, longest);
  }
  return out;
}
