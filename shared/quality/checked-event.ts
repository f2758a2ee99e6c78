/**
 * The contract's events with each record's score sheet checked against the
 * sheets known where it is read: the shipped ones at the API and the queue,
 * those of the packs `chibo evaluate` loaded (a pack file may bring its own).
 */
import { MeetingEvent } from '../contract/events.ts';
import { qualityIssues, SHIPPED_SHEETS_BY_ID } from './score-check.ts';
import type { ScoreSheetInput } from './score-sheet.ts';

export function meetingEventWith(sheets: ReadonlyMap<string, ScoreSheetInput>) {
  return MeetingEvent.superRefine((e, ctx) => {
    if (e.type !== 'MeetingRecorded' || e.quality === undefined) return;
    for (const issue of qualityIssues(e.quality, e.kind, sheets)) ctx.addIssue({ code: 'custom', path: ['quality', ...issue.path], message: issue.message });
  });
}
export type MeetingEventSchema = ReturnType<typeof meetingEventWith>;

/** The events as the API and the queue read them: records scored on the shipped sheets. */
export const CheckedMeetingEvent = meetingEventWith(SHIPPED_SHEETS_BY_ID);
