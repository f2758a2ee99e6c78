/**
 * A scored meeting rated in one of the given bands (e.g. trung bình or kém):
 * an alert per meeting, with the band, the total, the criteria that lost
 * points and the sheet's citation. Every rating is also kept in its cell's
 * month (slot `rated`), which the period report reads for the distribution.
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
import { rateMeeting, ratingEvidence, ratingValues } from './rated-meeting.ts';
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
  const rated = rateMeeting(rule.sheets, meeting, org);
  if (!rated) return;
  const evidence = ratingEvidence(meeting, rated.rating);
  out.push({ ruleId: rule.id, subject: { type: 'cell', id: meeting.unit.id }, period: meeting.periods.month, slot: 'rated', meetingId: meeting.meetingId, evidence });
  if (!rule.alertBands.includes(rated.rating.band)) return;
  out.push({
    ruleId: rule.id,
    subject: { type: 'meeting', id: meeting.meetingId },
    period: meeting.periods.month,
    slot: 'meeting',
    meetingId: meeting.meetingId,
    evidence,
  });
}

function findings(rule: QualityRatingRule, ctx: EvaluationContext, out: Finding[]): void {
  for (const entry of ctx.ledger.entries(rule.id)) {
    if (entry.subject.type !== 'meeting' || !ctx.inScope(rule.id, entry.subject, entry.period)) continue;
    for (const [meetingId, ev] of entry.slots.get('meeting') ?? []) {
      const sheet = rule.sheets.find((s) => s.id === ev['sheet']);
      if (ev.heldAt < ctx.from || !sheet) continue;
      out.push(
        ctx.finding({
          rule: { id: rule.id, citation: sheet.citation },
          kind: 'alert',
          subject: entry.subject,
          period: entry.period,
          dueBy: null,
          // Points short of khá.
          missing: { points: Math.ceil(sheet.bands.kha - (ev['total'] as number)) },
          evidence: [meetingId],
          recipients: ctx.cellRecipients(ev['cellId'] as string, 'alert'),
          message: rule.messages.alert,
          values: ratingValues(sheet, ev),
        }),
      );
    }
  }
}

export const qualityRating: RuleTemplate<QualityRatingRule> = { marks, findings };
