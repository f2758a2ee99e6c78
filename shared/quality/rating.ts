/**
 * One meeting rated on one sheet: each criterion's points (computed from the
 * record or declared by the scorer), the total, the criteria that lost
 * points and the band.
 */
import { bandOf, type Band } from './band.ts';
import { computedPoints, type RecordMeasures } from './computed-criteria.ts';
import type { ScoreSheet } from './score-sheet.ts';

export interface CriterionScore {
  id: string;
  points: number;
  max: number;
}

export interface Rating {
  sheet: string;
  /** Out of the sheet's maximum, to one decimal. */
  total: number;
  band: Band;
  /** Criteria scored below their maximum, in the sheet's order (an unscored optional one too when not normalised). */
  lost: CriterionScore[];
}

export function rate(sheet: ScoreSheet, measures: RecordMeasures, scores: Readonly<Record<string, number>>): Rating {
  const sheetMax = sheet.criteria.reduce((sum, c) => sum + c.max, 0);
  let raw = 0;
  let unscoredMax = 0;
  let criticalMissed = false;
  const lost: CriterionScore[] = [];
  for (const c of sheet.criteria) {
    const declared = scores[c.id];
    if (c.source === 'declared' && c.optional && declared === undefined && sheet.normalise) {
      unscoredMax += c.max;
      continue;
    }
    const points = c.source === 'computed' ? computedPoints(c.computed, c.max, measures) : (declared ?? 0);
    raw += points;
    if (points < c.max) {
      lost.push({ id: c.id, points, max: c.max });
      if (c.critical) criticalMissed = true;
    }
  }
  // Normalised: what was scored, scaled up to the whole sheet.
  const scaled = unscoredMax > 0 && unscoredMax < sheetMax ? (raw * sheetMax) / (sheetMax - unscoredMax) : raw;
  const total = Math.round(scaled * 10) / 10;
  return { sheet: sheet.id, total, band: bandOf(total, criticalMissed, sheet.bands), lost };
}
