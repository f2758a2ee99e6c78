/**
 * Streak of excused absences (HD 12: "vắng mặt có lý do quá 03 lần liên tiếp
 * trong năm"). The streak runs over the cell's meetings of the year in time
 * order, skipping meetings where the member is not eligible (exempted, not yet
 * or no longer a member); any eligible meeting where the member is not marked
 * `excused` ends it. The ledger keeps one entry per cell and year, so a
 * present member costs no write of their own.
 */
import * as z from 'zod';
import type { Finding } from '../../contract/findings.ts';
import { MeetingKind } from '../../contract/events.ts';
import type { EvaluationContext } from '../../engine/evaluation-context.ts';
import type { MeetingFacts } from '../../engine/meeting-facts.ts';
import type { Evidence, Mark } from '../../ledger/ledger.ts';
import { localDateOf } from '../../calendar/period.ts';
import type { OrgIndex } from '../../org/org-index.ts';
import { messagesFor, ruleBase } from '../rule-schema.ts';
import type { RuleTemplate } from './template.ts';

export const ExcusedAbsenceStreakRule = z.strictObject({
  ...ruleBase,
  template: z.literal('excused-absence-streak'),
  kinds: z.array(MeetingKind).min(1),
  /** The alert is raised by a streak longer than this. */
  maxConsecutive: z.number().int().min(1).max(100),
  messages: messagesFor(['alert'], ['streak']),
});
export type ExcusedAbsenceStreakRule = z.infer<typeof ExcusedAbsenceStreakRule>;

function marks(rule: ExcusedAbsenceStreakRule, meeting: MeetingFacts, _org: OrgIndex, out: Mark[]): void {
  if (meeting.unit.kind !== 'cell' || !rule.kinds.includes(meeting.kind)) return;
  const excused: string[] = [];
  for (const [memberId, status] of meeting.attendance) if (status === 'excused') excused.push(memberId);
  excused.sort();
  // Every cell meeting passes here, so this register also carries its attendance, for the period reports.
  const { present, eligible } = meeting.eligibility();
  out.push({
    ruleId: rule.id,
    subject: { type: 'cell', id: meeting.unit.id },
    period: meeting.periods.year,
    slot: 'meetings',
    meetingId: meeting.meetingId,
    evidence: { heldAt: meeting.heldAt, excused, present, eligible },
  });
}

/** The first streak longer than `max`, as the meetings it spans, or null. */
function firstLongStreak(memberId: string, cellId: string, meetings: Array<[string, Evidence]>, max: number, org: OrgIndex): string[] | null {
  const member = org.members.get(memberId);
  if (!member) return null;
  let streak: string[] = [];
  for (const [meetingId, ev] of meetings) {
    if (!org.isEligible(member, cellId, localDateOf(ev.heldAt))) continue;
    if ((ev['excused'] as readonly string[]).includes(memberId)) {
      streak.push(meetingId);
      if (streak.length > max) return streak;
    } else {
      streak = [];
    }
  }
  return null;
}

function findings(rule: ExcusedAbsenceStreakRule, ctx: EvaluationContext, out: Finding[]): void {
  for (const entry of ctx.ledger.entries(rule.id)) {
    if (!ctx.inScope(rule.id, entry.subject, entry.period)) continue;
    const meetings = [...(entry.slots.get('meetings') ?? [])].sort(([a, x], [b, y]) => x.heldAt - y.heldAt || (a < b ? -1 : 1));
    const heldAt = new Map(meetings.map(([id, ev]) => [id, ev.heldAt]));
    const candidates = new Set(meetings.flatMap(([, ev]) => ev['excused'] as readonly string[]));
    for (const memberId of [...candidates].sort()) {
      const streak = firstLongStreak(memberId, entry.subject.id, meetings, rule.maxConsecutive, ctx.org);
      if (!streak || heldAt.get(streak.at(-1)!)! < ctx.from) continue;
      out.push(
        ctx.finding({
          rule,
          kind: 'alert',
          subject: { type: 'member', id: memberId },
          period: entry.period,
          dueBy: null,
          missing: {},
          evidence: streak,
          recipients: ctx.cellRecipients(entry.subject.id, 'alert'),
          message: rule.messages.alert,
          values: { streak: streak.length },
        }),
      );
    }
  }
}

export const excusedAbsenceStreak: RuleTemplate<ExcusedAbsenceStreakRule> = { marks, findings };
