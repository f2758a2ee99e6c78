/**
 * Follow-up within N days of a meeting, e.g. a thematic resolution (nghị
 * quyết chuyên đề) within 7 days (Bắc Giang practice). Met when any version of
 * the meeting recorded by the deadline sets the follow-up field, so a later
 * correction that forgets the flag does not undo it.
 */
import * as z from 'zod';
import { DAY_MS, periodBounds } from '../../calendar/period.ts';
import type { Finding } from '../../contract/findings.ts';
import { MeetingKind } from '../../contract/events.ts';
import type { EvaluationContext } from '../../engine/evaluation-context.ts';
import type { MeetingFacts } from '../../engine/meeting-facts.ts';
import type { LedgerEntry, Mark } from '../../ledger/ledger.ts';
import { Bilingual, Days, messagesFor, ruleBase } from '../rule-schema.ts';
import type { ObligationState, RuleTemplate } from './template.ts';

export const FollowUpRule = z.strictObject({
  ...ruleBase,
  template: z.literal('follow-up'),
  kinds: z.array(MeetingKind).min(1),
  withinDays: z.number().int().min(1).max(366),
  /** The field of MeetingRecorded that records the follow-up: a flag set to true, or a score sheet (`quality`) present. */
  field: z.enum(['resolutionIssued', 'quality']),
  /** Key of `missing` and what is owed, for messages. */
  key: z.string().regex(/^[a-zA-Z]+$/),
  label: Bilingual,
  remindDaysBeforeDue: Days,
  messages: messagesFor(['violation', 'reminder'], ['dueBy', 'missing']),
});
export type FollowUpRule = z.infer<typeof FollowUpRule>;

function marks(rule: FollowUpRule, meeting: MeetingFacts, _org: unknown, out: Mark[]): void {
  if (!rule.kinds.includes(meeting.kind)) return;
  out.push({
    ruleId: rule.id,
    subject: { type: 'meeting', id: meeting.meetingId },
    period: meeting.periods.month,
    slot: 'owed',
    meetingId: meeting.meetingId,
    evidence: { heldAt: meeting.heldAt, unitId: meeting.unit.id },
  });
}

function findings(rule: FollowUpRule, ctx: EvaluationContext, out: Finding[]): void {
  for (const entry of ctx.ledger.entries(rule.id)) {
    if (!ctx.inScope(rule.id, entry.subject, entry.period)) continue;
    if (periodBounds(entry.period).start < ctx.from) continue;
    for (const [meetingId, ev] of entry.slots.get('owed') ?? []) {
      const due = ev.heldAt + rule.withinDays * DAY_MS;
      const doneAt = ctx.ledger.meetings.get(meetingId)?.followUps.get(rule.field);
      if (doneAt !== undefined && doneAt <= due) continue;
      const kind = ctx.stage(due, rule.id, rule.remindDaysBeforeDue);
      if (kind === null) continue;
      out.push(
        ctx.finding({
          rule,
          kind,
          subject: entry.subject,
          period: entry.period,
          dueBy: due,
          missing: { [rule.key]: 1 },
          evidence: [meetingId],
          recipients: ctx.cellRecipients(ev['unitId'] as string, kind),
          message: rule.messages[kind],
          values: { missing: rule.label },
        }),
      );
    }
  }
}

function obligation(rule: FollowUpRule, entry: LedgerEntry, ctx: EvaluationContext): ObligationState | null {
  const owed = [...(entry.slots.get('owed') ?? [])][0];
  if (!owed) return null;
  const [meetingId, ev] = owed;
  const due = ev.heldAt + rule.withinDays * DAY_MS;
  const doneAt = ctx.ledger.meetings.get(meetingId)?.followUps.get(rule.field);
  const done = doneAt !== undefined && doneAt <= due ? 1 : 0;
  return {
    required: { [rule.key]: 1 },
    counted: { [rule.key]: done },
    missing: done ? {} : { [rule.key]: 1 },
    evidence: [meetingId],
    remindFrom: due - rule.remindDaysBeforeDue * DAY_MS,
    deadline: due,
    violationAt: due + ctx.graceDays(rule.id) * DAY_MS,
  };
}

export const followUp: RuleTemplate<FollowUpRule> = { marks, findings, obligation, followUpField: (rule) => rule.field };
