/** Each computed criterion of hd42-100 at its boundaries. */
import { describe, expect, it } from 'vitest';
import { computedPoints, type RecordMeasures } from '../../../shared/quality/computed-criteria.ts';
import { ScoreSheet } from '../../../shared/quality/score-sheet.ts';
import { HB_QD31, HD42_100 } from '../../../shared/quality/sheets.ts';

const hd42 = ScoreSheet.parse(HD42_100);
const hb = ScoreSheet.parse(HB_QD31);
const criterion = (sheet: ScoreSheet, id: string) => {
  const c = sheet.criteria.find((x) => x.id === id);
  if (c?.source !== 'computed') throw new Error(`${id} is not computed`);
  return (r: Partial<RecordMeasures>) =>
    computedPoints(c.computed, c.max, { kind: 'regular', eligible: 20, present: 20, unexcused: 0, minutes: 90, speakerCount: 20, longestExcusedStreak: 0, ...r });
};

describe('attendance (4/3/2/1, +1 without a long excused streak)', () => {
  const attendance = criterion(hd42, 'attendance');
  it.each([
    [20, 5],
    [18, 5], // 90 % exactly
    [17, 4], // 85 %
    [15, 4], // 75 % exactly
    [14, 3], // 70 %
    [13, 3], // 65 % exactly
    [12, 2], // 60 %
  ])('%i of 20 present: %i points', (present, points) => {
    expect(attendance({ present })).toBe(points);
  });

  it('any unexcused absence scores as below 65 %, whatever the rate', () => {
    expect(attendance({ present: 19, unexcused: 1 })).toBe(2);
  });

  it('a member with more than 3 consecutive excused absences loses the bonus point; 3 keeps it', () => {
    expect(attendance({ longestExcusedStreak: 4 })).toBe(4);
    expect(attendance({ longestExcusedStreak: 3 })).toBe(5);
  });

  it('hb-qd31 scales the same steps to its 30 points', () => {
    const hbAttendance = criterion(hb, 'attendance');
    expect([20, 17, 14, 12].map((present) => hbAttendance({ present }))).toEqual([30, 24, 18, 12]);
  });
});

describe('duration (full marks at 90 minutes, 120 for a combined session)', () => {
  const duration = criterion(hd42, 'duration');
  it.each([
    ['regular', 90, 5],
    ['regular', 89, 4],
    ['regular', 72, 4],
    ['regular', 71, 3],
    ['regular', 180, 5],
    ['combined', 119, 4],
    ['combined', 120, 5],
  ] as const)('%s, %i minutes: %i points', (kind, minutes, points) => {
    expect(duration({ kind, minutes })).toBe(points);
  });

  it('no endedAt proves nothing: 0 points', () => {
    expect(duration({ minutes: undefined })).toBe(0);
  });
});

describe('speakers (speakerCount ÷ present: > 50 % 5, 40–50 % 4, 30–40 % 3, below 2)', () => {
  const speakers = criterion(hb, 'speakers');
  it.each([
    [11, 20], // 55 %
    [10, 16], // 50 % exactly is not above 50 %
    [8, 16], // 40 %
    [7, 12], // 35 %
    [6, 12], // 30 %
    [5, 8], // 25 %
  ])('%i of 20 present spoke: %i of 20 points (4 × the 5-point scale)', (speakerCount, points) => {
    expect(speakers({ speakerCount })).toBe(points);
  });

  it('no speakerCount proves nothing: 0 points', () => {
    expect(speakers({ speakerCount: undefined })).toBe(0);
  });
});

describe('unexcused absences (hb-qd31)', () => {
  const absences = criterion(hb, 'absences');
  it('full marks with none, nothing with one', () => {
    expect(absences({ unexcused: 0 })).toBe(20);
    expect(absences({ unexcused: 1 })).toBe(0);
  });
});
