/**
 * The upper level's total and the cell's own differ by at least N points on
 * the same meeting: an alert (the cell scores itself too kindly, or the
 * scorer misread the sheet). Both are rated on the same record and history.
 */
import * as z from 'zod';
import type { Finding } from '../../contract/findings.ts';
import type { EvaluationContext } from '../../engine/evaluation-context.ts';
import type { MeetingFacts } from '../../engine/meeting-facts.ts';
import type { Mark } from '../../ledger/ledger.ts';
import type { OrgIndex } from '../../org/org-index.ts';
import { ScoreSheet } from '../../quality/score-sheet.ts';
import { messagesFor, ruleBase } from '../rule-schema.ts';
import { meetingAlerts, points, qualityMarks, ratingValues } from './rated-meeting.ts';
import type { RuleTemplate } from './template.ts';

export const ScoreGapRule = z.strictObject({
  ...ruleBase,
  template: z.literal('score-gap'),
  sheets: z.array(ScoreSheet).min(1),
  minGapPoints: z.number().min(1).max(100),
  messages: messagesFor(['alert'], ['band', 'total', 'lost', 'sheet', 'selfTotal', 'gap']),
});
export type ScoreGapRule = z.infer<typeof ScoreGapRule>;

function marks(rule: ScoreGapRule, meeting: MeetingFacts, org: OrgIndex, out: Mark[]): void {
  qualityMarks(rule.id, rule.sheets, meeting, org, (q) => q.selfScores !== undefined, out);
}

function findings(rule: ScoreGapRule, ctx: EvaluationContext, out: Finding[]): void {
  meetingAlerts(
    rule,
    ctx,
    ({ sheet, rating, selfRating }) => {
      if (!selfRating) return null;
      const gap = Math.round(Math.abs(rating.total - selfRating.total) * 10) / 10;
      return gap < rule.minGapPoints ? null : { missing: {}, values: { ...ratingValues(sheet, rating), selfTotal: points(selfRating.total), gap: points(gap) } };
    },
    out,
  );
}

export const scoreGap: RuleTemplate<ScoreGapRule> = { marks, findings };
