import type { MeetingRecorded } from '../contract/events.ts';

/** Whether a version records a follow-up field: a flag set to true (resolutionIssued) or an object given (quality). */
export function followUpSet(event: MeetingRecorded, field: string): boolean {
  const value = (event as Record<string, unknown>)[field];
  return value === true || (typeof value === 'object' && value !== null);
}
