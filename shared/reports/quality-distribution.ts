/**
 * The quality columns of the period report: per unit, how its cells'
 * meetings of the period were rated (settled by the quality-rating rule on
 * each cell's year), the mean score and the criteria most often missed.
 */
import type { ReportRow } from '../contract/report.ts';
import type { Band } from '../quality/band.ts';
import type { Rating } from '../quality/rating.ts';
import { SHIPPED_SHEETS } from '../quality/sheets.ts';

export interface MeetingRating {
  band: Band;
  total: number;
  lostCriteria: string[];
}

export function meetingRating(rating: Rating): MeetingRating {
  return { band: rating.band, total: rating.total, lostCriteria: rating.lost.map((c) => c.id) };
}

const LABELS = new Map(SHIPPED_SHEETS.flatMap((s) => s.criteria.map((c) => [c.id, c.label.vi] as const)));

/** A criterion as the report names it: its Vietnamese label on the shipped sheets, else its id. */
export function criterionLabel(id: string): string {
  return LABELS.get(id) ?? id;
}

const BAND_KEY = { tot: 'tot', kha: 'kha', 'trung-binh': 'trungBinh', kem: 'kem' } as const;

/** The row's `quality`, or undefined without rated meetings. */
export function qualityColumns(ratings: readonly MeetingRating[]): ReportRow['quality'] {
  if (ratings.length === 0) return undefined;
  const bands = { tot: 0, kha: 0, trungBinh: 0, kem: 0 };
  const missed = new Map<string, number>();
  let sum = 0;
  for (const r of ratings) {
    bands[BAND_KEY[r.band]]++;
    sum += r.total;
    for (const c of r.lostCriteria) missed.set(c, (missed.get(c) ?? 0) + 1);
  }
  // Most meetings first; ties in code-point order of the id, so every runtime lists the same.
  const mostMissed = [...missed]
    .sort(([a, n], [b, m]) => m - n || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, 3)
    .map(([criterion, meetings]) => ({ criterion, meetings }));
  return { ratedMeetings: ratings.length, bands, meanScore: Math.round((sum / ratings.length) * 10) / 10, mostMissed };
}
