/** The rating bands (xếp loại) of a scored meeting, best first. */
import type { Bilingual } from '../rules/rule-schema.ts';

export const BANDS = ['tot', 'kha', 'trung-binh', 'kem'] as const;
export type Band = (typeof BANDS)[number];

export const BAND_LABEL: Record<Band, Bilingual> = {
  tot: { vi: 'tốt', en: 'good' },
  kha: { vi: 'khá', en: 'fair' },
  'trung-binh': { vi: 'trung bình', en: 'average' },
  kem: { vi: 'kém', en: 'poor' },
};

/**
 * tốt needs the `tot` total and full marks on every critical criterion;
 * without them a meeting at or above `tot` is khá (Bình Thuận handbook).
 */
export function bandOf(total: number, criticalMissed: boolean, bands: { tot: number; kha: number; trungBinh: number }): Band {
  if (total >= bands.tot && !criticalMissed) return 'tot';
  if (total >= bands.kha) return 'kha';
  if (total >= bands.trungBinh) return 'trung-binh';
  return 'kem';
}
