/** Minimum duration of a meeting, by kind (HD 42-HD/BTCTW: 90 minutes, 120 for a combined session). */
import * as z from 'zod';
import type { Finding } from '../../contract/findings.ts';
import { MeetingKind } from '../../contract/events.ts';
import type { EvaluationContext } from '../../engine/evaluation-context.ts';
import type { MeetingFacts } from '../../engine/meeting-facts.ts';
import type { Mark } from '../../ledger/ledger.ts';
import { messagesFor, ruleBase } from '../rule-schema.ts';
import { meetingAlertMark, alertsPerMeeting } from './alerts.ts';
import type { RuleTemplate } from './template.ts';

export const MinimumDurationRule = z.strictObject({
  ...ruleBase,
  template: z.literal('minimum-duration'),
  /** Minutes required per meeting kind; kinds not listed are not checked. */
  minutesByKind: z.partialRecord(MeetingKind, z.number().int().min(1).max(24 * 60)),
  messages: messagesFor(['alert'], ['minutes', 'required']),
});
export type MinimumDurationRule = z.infer<typeof MinimumDurationRule>;

function marks(rule: MinimumDurationRule, meeting: MeetingFacts, _org: unknown, out: Mark[]): void {
  const required = rule.minutesByKind[meeting.kind];
  if (required === undefined || meeting.endedAt === undefined) return;
  const lastedMs = meeting.endedAt - meeting.heldAt;
  if (lastedMs >= required * 60_000) return;
  out.push(meetingAlertMark(rule.id, meeting, { unitId: meeting.unit.id, minutes: Math.floor(lastedMs / 60_000), required }));
}

function findings(rule: MinimumDurationRule, ctx: EvaluationContext, out: Finding[]): void {
  alertsPerMeeting(rule, ctx, (ev) => {
    const minutes = ev['minutes'] as number;
    const required = ev['required'] as number;
    return { missing: { minutes: required - minutes }, recipients: ctx.cellRecipients(ev['unitId'] as string, 'alert'), values: { minutes, required } };
  }, out);
}

export const minimumDuration: RuleTemplate<MinimumDurationRule> = { marks, findings };
