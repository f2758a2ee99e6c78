/**
 * The record being typed, kept in localStorage on every keystroke so a
 * dropped connection, a closed tab or a flat battery loses nothing. It holds
 * member ids and their attendance, never a member's name (names come from
 * the server each time the form opens), and it is removed once the server
 * has the record or the outbox holds it.
 */
import { newEventId, newMeetingId } from './ids.ts';
import type { AttendanceStatus, MeetingKind } from './record-types.ts';

const KEY = 'chibo.draft';

export interface Draft {
  /** Made once per draft: a double click or a resend is the same event. */
  eventId: string;
  /** Null until a cell and a date are chosen (a new meeting); a correction keeps its meeting's. */
  meetingId: string | null;
  version: number;
  unitId: string;
  kind: MeetingKind;
  /** Vietnam's wall clock, as the `datetime-local` inputs hold it ("2026-04-02T19:30"). */
  start: string;
  end: string;
  topic: string;
  speakerCount: string;
  resolutionIssued: boolean;
  attendance: Record<string, AttendanceStatus>;
  /** A correction whose record counted everyone not excused as present: those members start ticked "Có mặt". */
  restPresent: boolean;
  leaderIds: string[];
  quality: { sheet: string; scores: Record<string, string> } | null;
}

export function newDraft(): Draft {
  return { eventId: newEventId(), meetingId: null, version: 1, unitId: '', kind: 'regular', start: '', end: '', topic: '', speakerCount: '', resolutionIssued: false, attendance: {}, restPresent: false, leaderIds: [], quality: null };
}

export function loadDraft(): Draft {
  try {
    const text = localStorage.getItem(KEY);
    if (text) return { ...newDraft(), ...(JSON.parse(text) as Partial<Draft>) };
  } catch {
    // A draft the page cannot read is dropped rather than blocking the form.
  }
  return newDraft();
}

export const saveDraft = (draft: Draft): void => localStorage.setItem(KEY, JSON.stringify(draft));
export const clearDraft = (): void => localStorage.removeItem(KEY);

/** A new meeting gets its id once it has a cell and a date; changing either before saving renames it. */
export function meetingIdOf(draft: Draft): string {
  if (draft.version > 1 && draft.meetingId) return draft.meetingId;
  const date = draft.start.slice(0, 10);
  if (!draft.meetingId || !draft.meetingId.startsWith(`${draft.unitId}.M.${date.replaceAll('-', '')}.`)) draft.meetingId = newMeetingId(draft.unitId, date);
  return draft.meetingId;
}
