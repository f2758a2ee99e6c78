/**
 * Months of unexcused absence per member and year (Charter Art. 8: "bỏ sinh
 * hoạt chi bộ … ba tháng trong năm mà không có lý do chính đáng"). Only an
 * explicit `absent` at a meeting of the member's own cell counts, and not
 * while the member is exempted.
 */
import * as z from 'zod';
import type { Finding } from '../../contract/findings.ts';
import { MeetingKind } from '../../contract/events.ts';
import type { EvaluationContext } from '../../engine/evaluation-context.ts';
import type { MeetingFacts } from '../../engine/meeting-facts.ts';
import type { Evidence, LedgerEntry, Mark } from '../../ledger/ledger.ts';
import type { OrgIndex } from '../../org/org-index.ts';
import { messagesFor, ruleBase } from '../rule-schema.ts';
import { raiseAlerts } from './alerts.ts';
import type { RuleTemplate } from './template.ts';

export const UnexcusedAbsenceMonthsRule = z.strictObject({
  ...ruleBase,
  template: z.literal('unexcused-absence-months'),
  kinds: z.array(MeetingKind).min(1),
  /** Distinct calendar months of the year that raise the alert. */
  months: z.number().int().min(1).max(12),
  messages: messagesFor(['alert'], ['months']),
});
export type UnexcusedAbsenceMonthsRule = z.infer<typeof UnexcusedAbsenceMonthsRule>;

function marks(rule: UnexcusedAbsenceMonthsRule, meeting: MeetingFacts, org: OrgIndex, out: Mark[]): void {
  if (meeting.unit.kind !== 'cell' || !rule.kinds.includes(meeting.kind)) return;
  const { year, month } = meeting.periods;
  const evidence = meeting.heldAtEvidence;
  for (const [memberId, status] of meeting.attendance) {
    if (status !== 'absent') continue;
    const member = org.members.get(memberId);
    if (!member || !org.isEligible(member, meeting.unit.id, meeting.date)) continue;
    out.push({ ruleId: rule.id, subject: { type: 'member', id: memberId }, period: year, slot: month, meetingId: meeting.meetingId, evidence });
  }
}

/** The earliest meeting of each month, in time order: the Nth one is when the alert was reached. */
function firstMeetingPerMonth(slots: LedgerEntry['slots']): number[] {
  return [...slots.values()].map((meetings) => Math.min(...[...meetings.values()].map((e) => e.heldAt))).sort((a, b) => a - b);
}

function findings(rule: UnexcusedAbsenceMonthsRule, ctx: EvaluationContext, out: Finding[]): void {
  raiseAlerts(rule, ctx, (entry) => {
    if (entry.slots.size < rule.months) return [];
    const reachedAt = firstMeetingPerMonth(entry.slots)[rule.months - 1]!;
    if (reachedAt < ctx.from) return [];
    const cellId = ctx.org.members.get(entry.subject.id)?.cellId;
    return [{ missing: {}, evidence: evidenceIds(entry.slots), recipients: cellId ? ctx.cellRecipients(cellId, 'alert') : [], values: { months: entry.slots.size } }];
  }, out);
}

function evidenceIds(slots: LedgerEntry['slots']): string[] {
  const all = [...slots.values()].flatMap((m) => [...m]);
  return all.sort(([a, x], [b, y]) => x.heldAt - y.heldAt || (a < b ? -1 : 1)).map(([id]) => id);
}

export const unexcusedAbsenceMonths: RuleTemplate<UnexcusedAbsenceMonthsRule> = { marks, findings };
