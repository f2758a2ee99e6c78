/**
 * Attendance rate of one meeting: present ÷ eligible members, where eligible
 * means active in the cell and not exempted on the meeting date (RULES.md).
 * A member missing from the list counts as not present.
 */
import * as z from 'zod';
import type { Finding } from '../../contract/findings.ts';
import { MeetingKind } from '../../contract/events.ts';
import type { EvaluationContext } from '../../engine/evaluation-context.ts';
import type { MeetingFacts } from '../../engine/meeting-facts.ts';
import type { Mark } from '../../ledger/ledger.ts';
import type { OrgIndex } from '../../org/org-index.ts';
import { messagesFor, ruleBase } from '../rule-schema.ts';
import { meetingAlertMark, alertsPerMeeting } from './alerts.ts';
import type { RuleTemplate } from './template.ts';

export const AttendanceRateRule = z.strictObject({
  ...ruleBase,
  template: z.literal('attendance-rate'),
  kinds: z.array(MeetingKind).min(1),
  thresholdPercent: z.number().int().min(1).max(100),
  /** above: passes only when the rate is strictly above the threshold; at-or-above: passes at it. */
  passWhen: z.enum(['above', 'at-or-above']),
  messages: messagesFor(['alert'], ['present', 'eligible', 'percent', 'threshold', 'missing']),
});
export type AttendanceRateRule = z.infer<typeof AttendanceRateRule>;

/** Whole-number arithmetic, so 85% of 20 is exactly 17 and never 16.999…. */
export function passes(rule: Pick<AttendanceRateRule, 'thresholdPercent' | 'passWhen'>, present: number, eligible: number): boolean {
  const scaled = present * 100;
  const bar = rule.thresholdPercent * eligible;
  return rule.passWhen === 'above' ? scaled > bar : scaled >= bar;
}

/** The fewest present members that would pass. */
function presentNeeded(rule: AttendanceRateRule, eligible: number): number {
  const bar = rule.thresholdPercent * eligible;
  return rule.passWhen === 'above' ? Math.floor(bar / 100) + 1 : Math.ceil(bar / 100);
}

function marks(rule: AttendanceRateRule, meeting: MeetingFacts, _org: OrgIndex, out: Mark[]): void {
  if (meeting.unit.kind !== 'cell' || !rule.kinds.includes(meeting.kind)) return;
  const { eligible, present } = meeting.eligibility();
  if (eligible === 0 || passes(rule, present, eligible)) return;
  out.push(meetingAlertMark(rule.id, meeting, { cellId: meeting.unit.id, present, eligible }));
}

function findings(rule: AttendanceRateRule, ctx: EvaluationContext, out: Finding[]): void {
  alertsPerMeeting(rule, ctx, (ev) => {
    const present = ev['present'] as number;
    const eligible = ev['eligible'] as number;
    const missing = presentNeeded(rule, eligible) - present;
    return {
      missing: { presentMembers: missing },
      recipients: ctx.cellRecipients(ev['cellId'] as string, 'alert'),
      values: { present, eligible, percent: Math.floor((present * 100) / eligible), threshold: rule.thresholdPercent, missing },
    };
  }, out);
}

export const attendanceRate: RuleTemplate<AttendanceRateRule> = { marks, findings };
