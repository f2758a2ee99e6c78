/**
 * The optional `quality` object of MeetingRecorded: checked against the
 * shipped sheet it names, each bad score rejected with its field named.
 */
import { describe, expect, it } from 'vitest';
import { MeetingRecorded } from '../../../shared/contract/events.ts';
import { CheckedMeetingEvent } from '../../../shared/quality/checked-event.ts';
import { ScoreSheet } from '../../../shared/quality/score-sheet.ts';
import { SHIPPED_SHEETS } from '../../../shared/quality/sheets.ts';

const base = {
  type: 'MeetingRecorded',
  eventId: 'e-1',
  meetingId: 'mt-1',
  version: 1,
  unitId: 'P.X.A',
  kind: 'regular',
  heldAt: '2026-03-05T19:30:00+07:00',
  recordedAt: '2026-03-06T08:00:00+07:00',
  attendance: [],
};
const FULL = { preparation: 10, conduct: 30, chairing: 10, principles: 5, results: 30, closing: 5 };

function issues(quality: unknown, kind = 'regular'): string[] {
  const r = CheckedMeetingEvent.safeParse({ ...base, kind, quality });
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('MeetingRecorded.quality', () => {
  it('is optional: a record without it is as before', () => {
    expect(MeetingRecorded.parse(base).quality).toBeUndefined();
  });

  it('the contract checks its shape; the sheet it names is checked where the sheets are known', () => {
    const unknownSheet = { ...base, quality: { sheet: 'no-such-sheet', scoredBy: 'self', scores: {} } };
    expect(MeetingRecorded.safeParse(unknownSheet).success).toBe(true);
    expect(issues(unknownSheet.quality)).toEqual(['quality.sheet: unknown score sheet no-such-sheet; known: ' + SHIPPED_SHEETS.map((s) => s.id).join(', ')]);
  });

  it('accepts full declared scores on hd42-100', () => {
    expect(issues({ sheet: 'hd42-100', scoredBy: 'self', scores: FULL })).toEqual([]);
  });

  it('a score above its criterion maximum names the criterion', () => {
    expect(issues({ sheet: 'hd42-100', scoredBy: 'self', scores: { ...FULL, preparation: 11 } })).toEqual(['quality.scores.preparation: at most 10 points for preparation, got 11']);
  });

  it('an unknown criterion, or one computed from the record, is refused with its field', () => {
    expect(issues({ sheet: 'hd42-100', scoredBy: 'self', scores: { minutes: 3 } })).toEqual(['quality.scores.minutes: sheet hd42-100 has no criterion minutes']);
    expect(issues({ sheet: 'hd42-100', scoredBy: 'self', scores: { attendance: 5 } })).toEqual(['quality.scores.attendance: criterion attendance is computed from the record, not scored']);
  });

  it('an unknown sheet, or a sheet for another kind of meeting, is refused at quality.sheet', () => {
    expect(issues({ sheet: 'nope', scoredBy: 'self', scores: {} })[0]).toMatch(/^quality\.sheet: unknown score sheet nope/);
    expect(issues({ sheet: 'hb-qd31', scoredBy: 'self', scores: {} }, 'thematic')).toEqual(['quality.sheet: sheet hb-qd31 scores regular, combined meetings, not thematic']);
  });

  it('selfScores are checked too, and only go with upper-level scores', () => {
    expect(issues({ sheet: 'hd42-100', scoredBy: 'upper', scores: FULL, selfScores: { ...FULL, conduct: 31 } })).toEqual(['quality.selfScores.conduct: at most 30 points for conduct, got 31']);
    expect(issues({ sheet: 'hd42-100', scoredBy: 'self', scores: FULL, selfScores: FULL })[0]).toMatch(/^quality\.selfScores: /);
  });

  it('negative points and unknown fields are refused by shape', () => {
    expect(issues({ sheet: 'hd42-100', scoredBy: 'self', scores: { closing: -1 } })[0]).toMatch(/^quality\.scores\.closing: /);
    expect(issues({ sheet: 'hd42-100', scoredBy: 'peer', scores: {} })[0]).toMatch(/^quality\.scoredBy: /);
  });
});

describe('the shipped sheets', () => {
  it.each(SHIPPED_SHEETS.map((s) => [s.id, s] as const))('%s is a valid 100-point sheet', (_id, input) => {
    const sheet = ScoreSheet.parse(input);
    expect(sheet.criteria.reduce((sum, c) => sum + c.max, 0)).toBe(100);
  });

  it('hd42-100 has the eight criteria of the guidance with their points', () => {
    const sheet = ScoreSheet.parse(SHIPPED_SHEETS[0]);
    expect(Object.fromEntries(sheet.criteria.map((c) => [c.id, c.max]))).toEqual({ duration: 5, attendance: 5, ...FULL });
  });

  it('a computed criterion whose best score is not its maximum is refused', () => {
    const bad = { ...SHIPPED_SHEETS[0]!, criteria: SHIPPED_SHEETS[0]!.criteria.map((c) => (c.id === 'attendance' ? { ...c, max: 6 } : c)) };
    expect(ScoreSheet.safeParse(bad).error?.issues[0]?.path).toEqual(['criteria', 1, 'computed']);
  });
});
