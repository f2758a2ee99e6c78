/**
 * Runs of consecutive excused absences (HD 12: "vắng mặt có lý do quá 03 lần
 * liên tiếp trong năm"), as the streak alert and the quality sheets'
 * attendance bonus both count them: over a cell's meetings in time order, a
 * meeting where the member is not eligible (exempted, not yet or no longer a
 * member) is skipped, and any other status than `excused` ends the run.
 */
import { localDateOf } from '../calendar/period.ts';
import type { OrgIndex } from '../org/org-index.ts';

/** A meeting as a run reads it: when, and who was excused. */
export interface ExcusedAt {
  meetingId: string;
  heldAt: number;
  excused: readonly string[];
}

/** Time order, ties by meeting id: the same in every runtime and arrival order. */
export const byHeldAt = (a: { meetingId: string; heldAt: number }, b: { meetingId: string; heldAt: number }): number =>
  a.heldAt - b.heldAt || (a.meetingId < b.meetingId ? -1 : a.meetingId > b.meetingId ? 1 : 0);

export class ExcusedRuns {
  /** memberId → the meetings of their current run. */
  private readonly runs = new Map<string, string[]>();

  constructor(
    private readonly cellId: string,
    private readonly org: OrgIndex,
  ) {}

  /** Counts the next meeting in time order; the runs after it. */
  add(meeting: ExcusedAt): ReadonlyMap<string, readonly string[]> {
    const date = localDateOf(meeting.heldAt);
    const excused = new Set(meeting.excused);
    for (const memberId of [...this.runs.keys()]) if (!excused.has(memberId) && this.eligible(memberId, date)) this.runs.delete(memberId);
    for (const memberId of excused) {
      if (!this.eligible(memberId, date)) continue;
      const run = this.runs.get(memberId);
      if (run) run.push(meeting.meetingId);
      else this.runs.set(memberId, [meeting.meetingId]);
    }
    return this.runs;
  }

  private eligible(memberId: string, date: string): boolean {
    const member = this.org.members.get(memberId);
    return member !== undefined && this.org.isEligible(member, this.cellId, date);
  }
}
