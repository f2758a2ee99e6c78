/**
 * Counted meetings per period: a cell's own meetings of given kinds, or a
 * leader's visits (dự sinh hoạt) inside their assigned subtree, with one or
 * more requirements that must all be met (RULES.md: dieu-le monthly and
 * thematic meetings, yb-qd18, kt-qd776).
 */
import * as z from 'zod';
import { DAY_MS, periodBounds, periodFirstDay, periodLastDay, periodsStartingBetween } from '../../calendar/period.ts';
import type { Finding } from '../../contract/findings.ts';
import { Role, type Leader, type Unit } from '../../contract/org.ts';
import type { EvaluationContext } from '../../engine/evaluation-context.ts';
import type { MeetingFacts } from '../../engine/meeting-facts.ts';
import type { LedgerEntry, Mark } from '../../ledger/ledger.ts';
import { evidenceOf } from '../../ledger/ledger.ts';
import { coversDate, type OrgIndex } from '../../org/org-index.ts';
import { joinList } from '../messages.ts';
import { Bilingual, Days, MeetingPredicate, UnitSelector, messagesFor, meetingMatches, ruleBase, unitMatches } from '../rule-schema.ts';
import type { ObligationState, RuleTemplate } from './template.ts';

const Requirement = z.strictObject({
  /** The key of `missing` in findings, e.g. committeeMeetings. */
  key: z.string().regex(/^[a-zA-Z]+$/),
  count: z.number().int().min(1).max(1000),
  /** What one counted meeting is, for messages: "lần dự sinh hoạt với đảng ủy xã". */
  label: Bilingual,
  anyOf: z.array(MeetingPredicate).min(1),
});

const CellSubject = z.strictObject({ type: z.literal('cell'), unit: UnitSelector.optional() });

const LeaderSubject = z.strictObject({
  type: z.literal('leader'),
  roles: z.array(Role).min(1),
  /** The unit where the binding position is held, e.g. a province or a commune grassroots unit. */
  positionUnit: UnitSelector,
  /** Only assignments to such units bind the rule and count (e.g. tags: [especially_difficult]). */
  assignmentUnit: UnitSelector.optional(),
  /** A meeting of the cell the leader belongs to does not count. */
  excludeOwnCell: z.boolean().default(false),
});

export const CountedMeetingsRule = z
  .strictObject({
    ...ruleBase,
    template: z.literal('counted-meetings'),
    period: z.enum(['month', 'quarter', 'year']),
    subject: z.discriminatedUnion('type', [CellSubject, LeaderSubject]),
    requirements: z.array(Requirement).min(1).max(10),
    /** A meeting counts toward one requirement only ("distinct meetings, ≥2 in all"). */
    distinct: z.boolean().default(false),
    remindDaysBeforeEnd: Days,
    messages: messagesFor(['violation', 'reminder'], ['missing', 'dueBy']),
  })
  .refine((r) => new Set(r.requirements.map((q) => q.key)).size === r.requirements.length, { message: 'requirement keys must be unique', path: ['requirements'] });

export type CountedMeetingsRule = z.infer<typeof CountedMeetingsRule>;
type LeaderSubjectT = z.infer<typeof LeaderSubject>;

function matchedRequirements(rule: CountedMeetingsRule, meeting: MeetingFacts): string[] {
  return rule.requirements.filter((q) => q.anyOf.some((p) => meetingMatches(p, meeting.kind, meeting.unit))).map((q) => q.key);
}

function bindingPositionUnits(leader: Leader, subject: LeaderSubjectT, org: OrgIndex, date: string | null): string[] {
  return leader.positions
    .filter((p) => subject.roles.includes(p.role) && (date === null || coversDate(p, date)))
    .filter((p) => {
      const unit = org.unit(p.unitId);
      return unit !== undefined && unitMatches(subject.positionUnit, unit);
    })
    .map((p) => p.unitId);
}

function qualifyingAssignments(leader: Leader, subject: LeaderSubjectT, org: OrgIndex, date: string) {
  return leader.assignments.filter((a) => {
    if (!coversDate(a, date)) return false;
    const unit = org.unit(a.unitId);
    return unit !== undefined && unitMatches(subject.assignmentUnit, unit);
  });
}

/** A visit counts inside the subtree of an assignment held on the meeting date, and not in the leader's own cell if excluded. */
function visitCounts(leader: Leader, subject: LeaderSubjectT, meeting: MeetingFacts, org: OrgIndex): boolean {
  if (subject.excludeOwnCell && org.leaderOwnCell(leader) === meeting.unit.id) return false;
  return qualifyingAssignments(leader, subject, org, meeting.date).some((a) => org.isWithin(meeting.unit.id, a.unitId));
}

function marks(rule: CountedMeetingsRule, meeting: MeetingFacts, org: OrgIndex, out: Mark[]): void {
  const slots = matchedRequirements(rule, meeting);
  if (slots.length === 0) return;
  const { subject } = rule;
  if (subject.type === 'cell') {
    if (meeting.unit.kind === 'cell' && unitMatches(subject.unit, meeting.unit)) markSlots(rule, { type: 'cell', id: meeting.unit.id }, slots, meeting, out);
    return;
  }
  for (const leaderId of meeting.visitingLeaderIds) {
    const leader = org.leaders.get(leaderId);
    if (!leader || bindingPositionUnits(leader, subject, org, null).length === 0) continue;
    if (visitCounts(leader, subject, meeting, org)) markSlots(rule, { type: 'leader', id: leaderId }, slots, meeting, out);
  }
}

function markSlots(rule: CountedMeetingsRule, subject: Mark['subject'], slots: readonly string[], meeting: MeetingFacts, out: Mark[]): void {
  const period = meeting.periods[rule.period];
  const evidence = meeting.heldAtEvidence;
  for (const slot of slots) out.push({ ruleId: rule.id, subject, period, slot, meetingId: meeting.meetingId, evidence });
}

/**
 * What is still owed per requirement. With `distinct`, a meeting that could
 * serve several requirements is given to the one furthest from its count,
 * after the meetings that can serve only one.
 */
export function missingCounts(rule: Pick<CountedMeetingsRule, 'requirements' | 'distinct'>, entry: LedgerEntry | undefined): Record<string, number> {
  const counted = new Map<string, number>(rule.requirements.map((q) => [q.key, 0]));
  const slotsOf = new Map<string, string[]>();
  for (const q of rule.requirements) {
    for (const meetingId of entry?.slots.get(q.key)?.keys() ?? []) {
      const list = slotsOf.get(meetingId) ?? [];
      list.push(q.key);
      slotsOf.set(meetingId, list);
    }
  }
  const meetings = [...slotsOf.values()];
  if (rule.distinct) meetings.sort((a, b) => a.length - b.length);
  for (const keys of meetings) {
    if (!rule.distinct) {
      for (const k of keys) counted.set(k, counted.get(k)! + 1);
      continue;
    }
    const target = keys.reduce((best, k) => (stillOwed(rule, counted, k) > stillOwed(rule, counted, best) ? k : best));
    counted.set(target, counted.get(target)! + 1);
  }
  const missing: Record<string, number> = {};
  for (const q of rule.requirements) {
    const owed = q.count - counted.get(q.key)!;
    if (owed > 0) missing[q.key] = owed;
  }
  return missing;
}

function stillOwed(rule: Pick<CountedMeetingsRule, 'requirements'>, counted: ReadonlyMap<string, number>, key: string): number {
  return rule.requirements.find((q) => q.key === key)!.count - counted.get(key)!;
}

interface BoundSubject {
  subject: Finding['subject'];
  /** Units whose positions bind the rule on the period's first day, or null when not bound. */
  bindingUnits(firstDay: string): string[] | null;
}

function boundSubjects(rule: CountedMeetingsRule, ctx: EvaluationContext): BoundSubject[] {
  const { org } = ctx;
  const { subject } = rule;
  const scoped = ctx.scopedIds(rule.id, subject.type);
  if (subject.type === 'cell') {
    const units = scoped ? [...scoped].flatMap((id) => org.unit(id) ?? []) : [...org.units.values()];
    return units
      .filter((u: Unit) => u.kind === 'cell' && unitMatches(subject.unit, u))
      .map((u) => ({ subject: { type: 'cell', id: u.id }, bindingUnits: (day) => (org.unitActiveOn(u, day) && ctx.applies(rule.id, u.id, day) ? [u.id] : null) }));
  }
  const leaders = scoped ? [...scoped].flatMap((id) => org.leaders.get(id) ?? []) : [...org.leaders.values()];
  return leaders
    .filter((l) => bindingPositionUnits(l, subject, org, null).length > 0)
    .map((l) => ({
      subject: { type: 'leader', id: l.id },
      bindingUnits: (day) => {
        const units = bindingPositionUnits(l, subject, org, day);
        const assigned = qualifyingAssignments(l, subject, org, day);
        // A pack bound to part of the tree binds a leader whose position or assignment lies there.
        const applies = [...units, ...assigned.map((a) => a.unitId)].some((u) => ctx.applies(rule.id, u, day));
        return units.length > 0 && assigned.length > 0 && applies ? units : null;
      },
    }));
}

function missingText(rule: CountedMeetingsRule, missing: Record<string, number>): Bilingual {
  return joinList(
    rule.requirements
      .filter((q) => missing[q.key] !== undefined)
      .map((q) => ({ vi: `${missing[q.key]} ${q.label.vi}`, en: `${missing[q.key]} ${q.label.en}` })),
  );
}

function ruleCoversPeriod(rule: CountedMeetingsRule, period: string): boolean {
  return rule.validFrom <= periodFirstDay(period) && (rule.validTo === undefined || periodLastDay(period) <= rule.validTo);
}

function findings(rule: CountedMeetingsRule, ctx: EvaluationContext, out: Finding[]): void {
  const periods = [...periodsStartingBetween(rule.period, ctx.from, ctx.instant)].filter((p) => ruleCoversPeriod(rule, p));
  if (periods.length === 0) return;
  for (const bound of boundSubjects(rule, ctx)) {
    for (const period of periods) {
      if (!ctx.inScope(rule.id, bound.subject, period)) continue;
      const { end } = periodBounds(period);
      const kind = ctx.stage(end, rule.id, rule.remindDaysBeforeEnd);
      if (kind === null) continue;
      const bindingUnits = bound.bindingUnits(periodFirstDay(period));
      if (bindingUnits === null) continue;
      const entry = ctx.ledger.entry(rule.id, bound.subject, period);
      const missing = missingCounts(rule, entry);
      if (Object.keys(missing).length === 0) continue;
      out.push(
        ctx.finding({
          rule,
          kind,
          subject: bound.subject,
          period,
          dueBy: end - 1000,
          missing,
          evidence: evidenceOf(entry),
          recipients: bound.subject.type === 'cell' ? ctx.cellRecipients(bound.subject.id, kind) : ctx.leaderRecipients(bound.subject.id, bindingUnits, kind),
          message: rule.messages[kind],
          values: { missing: missingText(rule, missing) },
        }),
      );
    }
  }
}

function bound(rule: CountedMeetingsRule, ctx: EvaluationContext, out: Array<{ subject: Finding['subject']; period: string }>): void {
  const periods = [...periodsStartingBetween(rule.period, ctx.from, ctx.instant)].filter((p) => ruleCoversPeriod(rule, p));
  if (periods.length === 0) return;
  for (const b of boundSubjects(rule, ctx)) {
    for (const period of periods) if (b.bindingUnits(periodFirstDay(period)) !== null) out.push({ subject: b.subject, period });
  }
}

function obligation(rule: CountedMeetingsRule, entry: LedgerEntry, ctx: EvaluationContext): ObligationState {
  const missing = missingCounts(rule, entry);
  const { end } = periodBounds(entry.period);
  const required = Object.fromEntries(rule.requirements.map((q) => [q.key, q.count]));
  const counted = Object.fromEntries(rule.requirements.map((q) => [q.key, q.count - (missing[q.key] ?? 0)]));
  return {
    required,
    counted,
    missing,
    evidence: evidenceOf(entry),
    remindFrom: end - rule.remindDaysBeforeEnd * DAY_MS,
    deadline: end,
    violationAt: end + ctx.graceDays(rule.id) * DAY_MS,
  };
}

export const countedMeetings: RuleTemplate<CountedMeetingsRule> = { marks, findings, bound, obligation };
