/**
 * The quality columns of the period report: per unit, how its cells'
 * meetings of the period were rated (from the `rated` slot the
 * quality-rating template keeps per cell and month), the mean score and the
 * criteria most often missed.
 */
import type { ReportRow } from '../contract/report.ts';
import type { Evidence } from '../ledger/ledger.ts';
import type { Band } from '../quality/band.ts';
import { SHIPPED_SHEETS } from '../quality/sheets.ts';

export interface MeetingRating {
  band: Band;
  total: number;
  lostCriteria: string[];
}

/** A rating as the ledger keeps it; null when the evidence is not one. */
export function ratingOf(ev: Evidence | undefined): MeetingRating | null {
  if (!ev || typeof ev['total'] !== 'number' || typeof ev['band'] !== 'string') return null;
  const lost = (ev['lost'] as readonly string[] | undefined) ?? [];
  return { band: ev['band'] as Band, total: ev['total'], lostCriteria: lost.map((l) => l.split(':')[0]!) };
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
