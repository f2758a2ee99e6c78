/**
 * The upper level's total and the cell's own differ by at least N points on
 * the same meeting: an alert (the cell scores itself too kindly, or the
 * scorer misread the sheet).
 */
import * as z from 'zod';
import type { Finding } from '../../contract/findings.ts';
import type { EvaluationContext } from '../../engine/evaluation-context.ts';
import type { MeetingFacts } from '../../engine/meeting-facts.ts';
import type { Mark } from '../../ledger/ledger.ts';
import type { OrgIndex } from '../../org/org-index.ts';
import { ScoreSheet } from '../../quality/score-sheet.ts';
import { messagesFor, ruleBase } from '../rule-schema.ts';
import { points, rateMeeting, ratingEvidence, ratingValues } from './rated-meeting.ts';
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
  const rated = rateMeeting(rule.sheets, meeting, org);
  if (!rated?.selfRating || Math.abs(rated.rating.total - rated.selfRating.total) < rule.minGapPoints) return;
  out.push({
    ruleId: rule.id,
    subject: { type: 'meeting', id: meeting.meetingId },
    period: meeting.periods.month,
    slot: 'meeting',
    meetingId: meeting.meetingId,
    evidence: { ...ratingEvidence(meeting, rated.rating), selfTotal: rated.selfRating.total },
  });
}

function findings(rule: ScoreGapRule, ctx: EvaluationContext, out: Finding[]): void {
  for (const entry of ctx.ledger.entries(rule.id)) {
    if (!ctx.inScope(rule.id, entry.subject, entry.period)) continue;
    for (const [meetingId, ev] of entry.slots.get('meeting') ?? []) {
      const sheet = rule.sheets.find((s) => s.id === ev['sheet']);
      if (ev.heldAt < ctx.from || !sheet) continue;
      const gap = Math.round(Math.abs((ev['total'] as number) - (ev['selfTotal'] as number)) * 10) / 10;
      out.push(
        ctx.finding({
          rule: { id: rule.id, citation: sheet.citation },
          kind: 'alert',
          subject: entry.subject,
          period: entry.period,
          dueBy: null,
          missing: {},
          evidence: [meetingId],
          recipients: ctx.cellRecipients(ev['cellId'] as string, 'alert'),
          message: rule.messages.alert,
          values: { ...ratingValues(sheet, ev), selfTotal: points(ev['selfTotal'] as number), gap: points(gap) },
        }),
      );
    }
  }
}

export const scoreGap: RuleTemplate<ScoreGapRule> = { marks, findings };
