/**
 * What a record would do, before it is sent (POST /events/preview): the
 * engine applies it to an empty ledger over the cell's part of the org, as
 * `chibo evaluate` would, and reads what that one meeting raises and counts.
 * No rule is restated here: the alerts are the engine's findings, the counted
 * obligations its marks.
 */
import { describePeriod } from '../calendar/period.ts';
import type { MeetingRecorded } from '../contract/events.ts';
import type { MeetingPreview, PreviewCheck } from '../contract/recording.ts';
import { Ledger, type Mark } from '../ledger/ledger.ts';
import type { OrgIndex } from '../org/org-index.ts';
import { citationText, joinList } from '../rules/messages.ts';
import type { Rule } from '../rules/rule-pack.ts';
import { engineOptions, type PipelineConfig } from '../use-cases/pipeline-config.ts';
import { Engine } from './engine.ts';
import { EvaluationContext } from './evaluation-context.ts';
import { meetingFacts } from './meeting-facts.ts';

/** The record's preview; `org` holds the record's unit (with its members) and its visiting leaders. */
export function previewMeeting(event: MeetingRecorded, org: OrgIndex, config: PipelineConfig, now: number): MeetingPreview {
  const engine = new Engine(org, config.packs, engineOptions(config));
  const ledger = new Ledger();
  const { touched } = engine.apply(ledger, event);
  const unit = org.unit(event.unitId);
  if (!unit) throw new Error(`preview: unit ${event.unitId} is not in the org read for it`);
  const facts = meetingFacts(event, unit, org);

  // The rules' own count of who is eligible and present; excused among the same members.
  const { eligible, present } = facts.eligibility();
  const excused = org.cellMembers(unit.id).filter((m) => org.isEligible(m, unit.id, facts.date) && facts.attendance.get(m.id) === 'excused').length;
  const attendance = { present, excused, absent: eligible - present - excused, eligible, rate: eligible === 0 ? null : Math.round((present / eligible) * 10_000) / 10_000 };
  const durationMinutes = facts.endedAt === undefined ? null : Math.floor((facts.endedAt - facts.heldAt) / 60_000);

  // Breaches: the alerts of the entries this meeting touches that are about it, as the pipeline would raise them now.
  const alerts = engine
    .findingsAt(ledger, now, { from: config.from, scope: new Set(touched) })
    .filter((f) => f.kind === 'alert' && ((f.subject.type === 'meeting' && f.subject.id === event.meetingId) || f.evidence.includes(event.meetingId)));
  const breaches: PreviewCheck[] = alerts.map((f) => ({ ruleId: f.ruleId, title: engine.rule(f.ruleId)!.title, citation: f.citation, outcome: 'breaches', message: f.message }));

  // Satisfies: each counted-meeting obligation (rule, subject, period) the meeting is marked toward.
  const ctx = new EvaluationContext(org, ledger, now, config.from, new Map(), undefined);
  const counted = new Map<string, { rule: Extract<Rule, { template: 'counted-meetings' }>; mark: Mark; slots: Set<string> }>();
  for (const mark of ledger.meetings.get(event.meetingId)?.marks ?? []) {
    const rule = engine.rule(mark.ruleId);
    if (rule?.template !== 'counted-meetings') continue;
    const key = `${mark.ruleId}|${mark.subject.type}:${mark.subject.id}|${mark.period}`;
    const known = counted.get(key);
    if (known) known.slots.add(mark.slot);
    else counted.set(key, { rule, mark, slots: new Set([mark.slot]) });
  }
  const satisfies: PreviewCheck[] = [...counted.values()].map(({ rule, mark, slots }) => ({
    ruleId: rule.id,
    title: rule.title,
    citation: citationText(rule.citation),
    outcome: 'satisfies',
    message: countsToward(joinList(rule.requirements.filter((q) => slots.has(q.key)).map((q) => q.label)), ctx.describe(mark.subject), mark.period),
  }));

  const order = (a: PreviewCheck, b: PreviewCheck) => (a.outcome !== b.outcome ? (a.outcome === 'breaches' ? -1 : 1) : a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
  return { attendance, durationMinutes, checks: [...breaches, ...satisfies].sort(order) };
}

/** "Được tính là buổi sinh hoạt thường kỳ của Chi bộ tổ dân phố 2, tháng 03/2026" (a visit's label already says "lần dự"). */
function countsToward(labels: { vi: string; en: string }, whose: { vi: string; en: string }, period: string): { vi: string; en: string } {
  return { vi: `Được tính là ${labels.vi} của ${whose.vi}, ${describePeriod(period, 'vi')}`, en: `Counts as a ${labels.en} of ${whose.en}, ${describePeriod(period, 'en')}` };
}
