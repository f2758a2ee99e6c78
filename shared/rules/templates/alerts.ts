/**
 * The loop every alert rule runs: each entry of the rule in scope, the
 * alerts it raises, as findings that owe nothing (no deadline). The meeting
 * rules (attendance rate, minimum duration) mark one meeting a slot and
 * raise one alert a meeting; the quality rules have their own loop over
 * settled ratings (rated-meeting.ts, meetingAlerts).
 */
import type { Finding } from '../../contract/findings.ts';
import type { EvaluationContext, FindingDraft } from '../../engine/evaluation-context.ts';
import type { Evidence, LedgerEntry, Mark } from '../../ledger/ledger.ts';
import type { MeetingFacts } from '../../engine/meeting-facts.ts';
import type { Bilingual, Citation } from '../rule-schema.ts';

export type AlertDraft = Pick<FindingDraft, 'missing' | 'evidence' | 'recipients' | 'values'>;
type AlertRule = { id: string; citation: Citation; messages: { alert: Bilingual } };

export function raiseAlerts(rule: AlertRule, ctx: EvaluationContext, alertsOf: (entry: LedgerEntry) => Iterable<AlertDraft>, out: Finding[]): void {
  for (const entry of ctx.ledger.entries(rule.id)) {
    if (!ctx.inScope(rule.id, entry.subject, entry.period)) continue;
    for (const alert of alertsOf(entry)) {
      out.push(ctx.finding({ rule, kind: 'alert', subject: entry.subject, period: entry.period, dueBy: null, message: rule.messages.alert, ...alert }));
    }
  }
}

const MEETING_SLOT = 'meeting';

/** A meeting that breaches a meeting rule: the meeting is the subject, its month the period, its facts the evidence. */
export function meetingAlertMark(ruleId: string, meeting: MeetingFacts, evidence: Omit<Evidence, 'heldAt'>): Mark {
  return { ruleId, subject: { type: 'meeting', id: meeting.meetingId }, period: meeting.periods.month, slot: MEETING_SLOT, meetingId: meeting.meetingId, evidence: { ...evidence, heldAt: meeting.heldAt } };
}

/** One alert for each meeting marked by meetingAlertMark and held since the evaluation's start; the meeting is its evidence. */
export function alertsPerMeeting(rule: AlertRule, ctx: EvaluationContext, alertOf: (evidence: Evidence) => Omit<AlertDraft, 'evidence'>, out: Finding[]): void {
  raiseAlerts(
    rule,
    ctx,
    (entry) => [...(entry.slots.get(MEETING_SLOT) ?? [])].filter(([, ev]) => ev.heldAt >= ctx.from).map(([meetingId, ev]) => ({ ...alertOf(ev), evidence: [meetingId] })),
    out,
  );
}
