/**
 * What the quality templates share: rating a meeting version on the sheet
 * its record names, keeping the rating in the ledger's evidence, and the
 * message values (band, total, lost criteria, sheet) of its finding.
 */
import type { MeetingFacts } from '../../engine/meeting-facts.ts';
import type { Evidence } from '../../ledger/ledger.ts';
import type { OrgIndex } from '../../org/org-index.ts';
import { BAND_LABEL, type Band } from '../../quality/band.ts';
import { rate, type Rating } from '../../quality/rating.ts';
import { recordMeasures } from '../../quality/record-measures.ts';
import type { ScoreSheet } from '../../quality/score-sheet.ts';
import { joinList, type MessageValue } from '../messages.ts';

export interface Rated {
  sheet: ScoreSheet;
  /** On the record's scores (the upper level's when it scored). */
  rating: Rating;
  /** On the cell's own scores beside the upper level's, when the record has both. */
  selfRating: Rating | null;
}

/** The ratings of a scored cell meeting on one of the rule's sheets; null when it is not one. */
export function rateMeeting(sheets: readonly ScoreSheet[], meeting: MeetingFacts, org: OrgIndex): Rated | null {
  const quality = meeting.record.quality;
  if (meeting.unit.kind !== 'cell' || quality === undefined) return null;
  const sheet = sheets.find((s) => s.id === quality.sheet);
  if (!sheet || !sheet.kinds.includes(meeting.kind)) return null;
  const measures = recordMeasures(meeting, org);
  const selfRating = quality.selfScores === undefined ? null : rate(sheet, measures, quality.selfScores);
  return { sheet, rating: rate(sheet, measures, quality.scores), selfRating };
}

/** The rating as ledger evidence: lost criteria as `id:points:max`. */
export function ratingEvidence(meeting: MeetingFacts, rating: Rating): Evidence {
  return {
    heldAt: meeting.heldAt,
    cellId: meeting.unit.id,
    sheet: rating.sheet,
    total: rating.total,
    band: rating.band,
    lost: rating.lost.map((c) => `${c.id}:${c.points}:${c.max}`),
  };
}

/** 95.7 points: "95,7" in Vietnamese. */
export function points(n: number): MessageValue {
  return { vi: String(n).replace('.', ','), en: String(n) };
}

/** `{band}`, `{total}`, `{lost}` and `{sheet}` of a finding, from its evidence. */
export function ratingValues(sheet: ScoreSheet, ev: Evidence): Record<string, MessageValue> {
  const lost = (ev['lost'] as readonly string[]).map((entry) => {
    const [id, points, max] = entry.split(':') as [string, string, string];
    const label = sheet.criteria.find((c) => c.id === id)?.label ?? { vi: id, en: id };
    return { vi: `${label.vi} ${points}/${max}`, en: `${label.en} ${points}/${max}` };
  });
  return {
    band: BAND_LABEL[ev['band'] as Band],
    total: points(ev['total'] as number),
    lost: lost.length > 0 ? joinList(lost) : { vi: 'không', en: 'none' },
    sheet: sheet.name,
  };
}
