/**
 * A scored meeting rated in one of the given bands (e.g. trung bình or kém):
 * an alert per meeting, with the band, the total, the criteria that lost
 * points and the sheet's citation. The ratings live in the cell's year
 * (rated-meeting.ts), which the period report reads for the distribution.
 */
import * as z from 'zod';
import type { Finding } from '../../contract/findings.ts';
import type { EvaluationContext } from '../../engine/evaluation-context.ts';
import type { MeetingFacts } from '../../engine/meeting-facts.ts';
import type { Mark } from '../../ledger/ledger.ts';
import type { OrgIndex } from '../../org/org-index.ts';
import { BANDS } from '../../quality/band.ts';
import { ScoreSheet } from '../../quality/score-sheet.ts';
import { messagesFor, ruleBase } from '../rule-schema.ts';
import { meetingAlerts, qualityMarks, ratingValues } from './rated-meeting.ts';
import type { RuleTemplate } from './template.ts';

export const QualityRatingRule = z.strictObject({
  ...ruleBase,
  template: z.literal('quality-rating'),
  sheets: z.array(ScoreSheet).min(1),
  alertBands: z.array(z.enum(BANDS)).min(1),
  messages: messagesFor(['alert'], ['band', 'total', 'lost', 'sheet']),
});
export type QualityRatingRule = z.infer<typeof QualityRatingRule>;

function marks(rule: QualityRatingRule, meeting: MeetingFacts, org: OrgIndex, out: Mark[]): void {
  qualityMarks(rule.id, rule.sheets, meeting, org, () => true, out);
}

function findings(rule: QualityRatingRule, ctx: EvaluationContext, out: Finding[]): void {
  meetingAlerts(
    rule,
    ctx,
    ({ sheet, rating }) =>
      // Points short of khá.
      rule.alertBands.includes(rating.band) ? { missing: { points: Math.ceil(sheet.bands.kha - rating.total) }, values: ratingValues(sheet, rating) } : null,
    out,
  );
}

export const qualityRating: RuleTemplate<QualityRatingRule> = { marks, findings };
