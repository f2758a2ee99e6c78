/**
 * The criteria a record proves by itself: attendance, duration, the share of
 * members who spoke, unexcused absences. Whole-number arithmetic at the
 * thresholds, so 90 % of 20 is exactly 18.
 */
import type { MeetingKind } from '../contract/events.ts';
import type { Measure } from './score-sheet.ts';

/** What one record says, as the computed criteria need it. */
export interface RecordFacts {
  kind: MeetingKind;
  /** Members of the cell eligible on the meeting date (RULES.md), and how many of them were present or absent without excuse. */
  eligible: number;
  present: number;
  unexcused: number;
  /** Whole minutes from heldAt to endedAt; undefined when the record has no endedAt. */
  minutes: number | undefined;
  speakerCount: number | undefined;
}

/** A record's facts with the cell's history that the attendance bonus reads. */
export interface RecordMeasures extends RecordFacts {
  /** The longest run of consecutive excused absences of any member this year, up to and including this meeting (excused-streaks.ts). */
  longestExcusedStreak: number;
}

type Step = { percent: number; points: number; strict: boolean };

/** The points of the first step the share `part ÷ whole` reaches; `otherwise` below them all. */
function stepPoints(steps: readonly Step[], otherwise: number, part: number, whole: number): number {
  for (const s of steps) {
    const scaled = part * 100;
    const bar = s.percent * whole;
    if (s.strict ? scaled > bar : scaled >= bar) return s.points;
  }
  return otherwise;
}

export function computedPoints(measure: Measure, max: number, r: RecordMeasures): number {
  switch (measure.measure) {
    case 'attendance': {
      const rated = r.eligible === 0 || r.unexcused > 0 ? measure.otherwise : stepPoints(measure.steps, measure.otherwise, r.present, r.eligible);
      const bonus = measure.streakBonus && r.longestExcusedStreak <= measure.streakBonus.maxExcusedStreak ? measure.streakBonus.points : 0;
      return rated + bonus;
    }
    case 'duration': {
      if (r.minutes === undefined) return 0;
      const required = measure.minutesByKind[r.kind] ?? measure.defaultMinutes;
      return Math.floor((max * Math.min(r.minutes, required)) / required);
    }
    case 'speakers':
      if (r.speakerCount === undefined) return 0;
      if (r.present === 0) return measure.otherwise;
      return stepPoints(measure.steps, measure.otherwise, Math.min(r.speakerCount, r.present), r.present);
    case 'no-unexcused-absence':
      return r.unexcused === 0 ? max : 0;
  }
}
