/** Totals and bands: the thresholds, the critical gate, normalisation on and off. */
import { describe, expect, it } from 'vitest';
import { bandOf } from '../../../shared/quality/band.ts';
import type { RecordMeasures } from '../../../shared/quality/computed-criteria.ts';
import { rate } from '../../../shared/quality/rating.ts';
import { ScoreSheet, type ScoreSheetInput } from '../../../shared/quality/score-sheet.ts';
import { HD42_100 } from '../../../shared/quality/sheets.ts';

const hd42 = ScoreSheet.parse(HD42_100);
const FULL_RECORD: RecordMeasures = { kind: 'regular', eligible: 20, present: 20, unexcused: 0, minutes: 90, speakerCount: 12, longestExcusedStreak: 0 };
const FULL = { preparation: 10, conduct: 30, chairing: 10, principles: 5, results: 30, closing: 5 };
const BANDS = { tot: 90, kha: 70, trungBinh: 50 };

describe('bands', () => {
  it.each([
    [90, 'tot'],
    [89.9, 'kha'],
    [70, 'kha'],
    [69.9, 'trung-binh'],
    [50, 'trung-binh'],
    [49.9, 'kem'],
  ] as const)('%d points with full critical marks: %s', (total, band) => {
    expect(bandOf(total, false, BANDS)).toBe(band);
  });

  it('at or above 90 with a critical criterion missed: khá', () => {
    expect(bandOf(100, true, BANDS)).toBe('kha');
    expect(bandOf(69, true, BANDS)).toBe('trung-binh');
  });
});

describe('rate on hd42-100', () => {
  it('full marks everywhere: 100, tốt, nothing lost', () => {
    expect(rate(hd42, FULL_RECORD, FULL)).toEqual({ sheet: 'hd42-100', total: 100, band: 'tot', lost: [] });
  });

  it('95 points without full attendance marks: khá (the critical gate)', () => {
    const r = rate(hd42, { ...FULL_RECORD, present: 17 }, { ...FULL, conduct: 26 });
    expect(r.total).toBe(95);
    expect(r.band).toBe('kha');
    expect(r.lost).toEqual([
      { id: 'attendance', points: 4, max: 5 },
      { id: 'conduct', points: 26, max: 30 },
    ]);
  });

  it('95 points lost on declared criteria only: tốt', () => {
    expect(rate(hd42, FULL_RECORD, { ...FULL, conduct: 25 }).band).toBe('tot');
  });

  it('an unscored declared criterion counts 0 and is lost', () => {
    const { results: _omitted, ...withoutResults } = FULL;
    const r = rate(hd42, FULL_RECORD, withoutResults);
    expect([r.total, r.band]).toEqual([70, 'kha']);
    expect(r.lost).toEqual([{ id: 'results', points: 0, max: 30 }]);
  });

  it('no endedAt and no declared scores: kém', () => {
    const r = rate(hd42, { ...FULL_RECORD, minutes: undefined }, {});
    expect([r.total, r.band]).toEqual([5, 'kem']);
  });
});

describe('normalisation of an unscored thematic part', () => {
  const sheet = (normalise: boolean): ScoreSheet => {
    const input: ScoreSheetInput = {
      ...HD42_100,
      id: 'with-thematic',
      normalise,
      criteria: [...HD42_100.criteria.filter((c) => c.id !== 'results'), { id: 'thematic', label: { vi: 'phần chuyên đề', en: 'thematic part' }, max: 30, source: 'declared', optional: true }],
    };
    return ScoreSheet.parse(input);
  };
  const { results: _r, ...scores } = { ...FULL, conduct: 27 };

  it('on: the 70 points scored are scaled to 100 (67 of 70 → 95.7) and the thematic part is not lost', () => {
    const r = rate(sheet(true), FULL_RECORD, scores);
    expect([r.total, r.band]).toEqual([95.7, 'tot']);
    expect(r.lost.map((c) => c.id)).toEqual(['conduct']);
  });

  it('off: the thematic part counts 0 (67 of 100)', () => {
    const r = rate(sheet(false), FULL_RECORD, scores);
    expect([r.total, r.band]).toEqual([67, 'trung-binh']);
    expect(r.lost.map((c) => c.id)).toEqual(['conduct', 'thematic']);
  });

  it('on, with the thematic part scored: no scaling', () => {
    expect(rate(sheet(true), FULL_RECORD, { ...scores, thematic: 20 }).total).toBe(87);
  });
});
