/**
 * What this browser last sent for each meeting, for "Sửa": the version (the
 * correction sends the next one) and the fields the meetings list does not
 * carry (end, topic, speakers, leaders, scores). No attendance and no names:
 * who came is personal data and stays on the server.
 */
import type { Draft } from './drafts.ts';

const KEY = 'chibo.sent';
const KEEP = 50;

export type SentRecord = Omit<Draft, 'eventId' | 'attendance' | 'restPresent'>;

function all(): Record<string, SentRecord> {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, SentRecord>;
  } catch {
    return {};
  }
}

export const sentRecord = (meetingId: string): SentRecord | undefined => all()[meetingId];

export function rememberSent(draft: Draft): void {
  if (!draft.meetingId) return;
  const { eventId: _e, attendance: _a, restPresent: _r, ...kept } = draft;
  const list = Object.entries({ ...all(), [draft.meetingId]: kept }).slice(-KEEP);
  localStorage.setItem(KEY, JSON.stringify(Object.fromEntries(list)));
}

export function forgetSent(meetingId: string): void {
  const { [meetingId]: _gone, ...rest } = all();
  localStorage.setItem(KEY, JSON.stringify(rest));
}
