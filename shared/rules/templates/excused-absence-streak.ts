/**
 * Streak of excused absences (HD 12: "vắng mặt có lý do quá 03 lần liên tiếp
 * trong năm"), counted over the cell's meetings of the year of the rule's
 * kinds as shared/rules/excused-runs.ts counts runs. The ledger keeps one
 * entry per cell and year, so a present member costs no write of their own.
 */
import * as z from 'zod';
import type { Finding } from '../../contract/findings.ts';
import { MeetingKind } from '../../contract/events.ts';
import type { EvaluationContext } from '../../engine/evaluation-context.ts';
import type { MeetingFacts } from '../../engine/meeting-facts.ts';
import type { Mark } from '../../ledger/ledger.ts';
import { byHeldAt, ExcusedRuns, type ExcusedAt } from '../excused-runs.ts';
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

/** Each member's first run longer than `max`, as the meetings it spans, by member id. */
function firstLongRuns(cellId: string, meetings: readonly ExcusedAt[], max: number, org: OrgIndex): Array<[string, string[]]> {
  const runs = new ExcusedRuns(cellId, org);
  const first = new Map<string, string[]>();
  for (const meeting of meetings) for (const [memberId, run] of runs.add(meeting)) if (run.length > max && !first.has(memberId)) first.set(memberId, [...run]);
  return [...first].sort(([a], [b]) => (a < b ? -1 : 1));
}

function findings(rule: ExcusedAbsenceStreakRule, ctx: EvaluationContext, out: Finding[]): void {
  for (const entry of ctx.ledger.entries(rule.id)) {
    if (!ctx.inScope(rule.id, entry.subject, entry.period)) continue;
    const meetings = [...(entry.slots.get('meetings') ?? [])]
      .map(([meetingId, ev]): ExcusedAt => ({ meetingId, heldAt: ev.heldAt, excused: ev['excused'] as readonly string[] }))
      .sort(byHeldAt);
    const heldAt = new Map(meetings.map((m) => [m.meetingId, m.heldAt]));
    for (const [memberId, streak] of firstLongRuns(entry.subject.id, meetings, rule.maxConsecutive, ctx.org)) {
      if (heldAt.get(streak.at(-1)!)! < ctx.from) continue;
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
