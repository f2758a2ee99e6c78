/**
 * The rule engine: `apply` folds one event into the ledger, touching only
 * the entries its meeting marks (its cell's, its visiting leaders', its
 * members'); `findingsAt` reads the ledger and the org at an instant. The
 * CLI holds the ledger in memory; the pipeline stores the same entries.
 */
import { instantMs, periodBounds, periodOf } from '../calendar/period.ts';
import type { MeetingEvent, MeetingRecorded, MeetingRetracted } from '../contract/events.ts';
import { compareFindings, type Finding } from '../contract/findings.ts';
import { markKey, subjectKey, type Ledger, type LedgerEntry, type Mark } from '../ledger/ledger.ts';
import type { Subject } from '../contract/findings.ts';
import type { ObligationState } from '../rules/templates/template.ts';
import { coversDate, type OrgIndex } from '../org/org-index.ts';
import type { Rule, RulePack } from '../rules/rule-pack.ts';
import { templateOf } from '../rules/templates/index.ts';
import { EvaluationContext } from './evaluation-context.ts';
import { followUpSet } from './follow-up-set.ts';
import { meetingFacts } from './meeting-facts.ts';

export type ApplyOutcome =
  | 'applied' // the event changed the meeting's current version (or retracted it)
  | 'duplicate' // this eventId was applied before
  | 'stale' // a version at least as high is already current
  | 'retracted'; // the meeting was retracted earlier: it counts for nothing

export interface ApplyResult {
  outcome: ApplyOutcome;
  /** Ledger entries (rule|subject|period) whose evidence changed. */
  touched: string[];
}

export interface EvaluateOptions {
  /** Periods beginning before this instant, and alerts of meetings held before it, are left out. Default: the month of the earliest meeting. */
  from?: number;
  /** Only these entries (`entryKey`): the pipeline evaluates what an event touched or a sweep reads. Default: everything. */
  scope?: ReadonlySet<string>;
  /** Only subjects this worker owns (shared/engine/partition.ts). Default: every subject. */
  owns?: (subject: Subject) => boolean;
}

export interface EngineOptions {
  /** Packs that govern every unit; any other pack governs only where the org binds it (`packs` of the snapshot). Default: all. */
  everywhere?: ReadonlySet<string>;
}

export class Engine {
  readonly rules: readonly Rule[];
  private readonly graceDays = new Map<string, number>();
  private readonly followUpFields: readonly string[];
  private readonly packOf = new Map<string, string>();
  private readonly everywhere: ReadonlySet<string> | undefined;
  readonly applies = (ruleId: string, unitId: string, date: string): boolean => {
    const pack = this.packOf.get(ruleId);
    if (pack === undefined || this.everywhere === undefined || this.everywhere.has(pack)) return true;
    return this.org.packBindings(pack).some((b) => coversDate(b, date) && this.org.isWithin(unitId, b.unitId));
  };

  constructor(
    readonly org: OrgIndex,
    packs: readonly RulePack[],
    options: EngineOptions = {},
  ) {
    this.everywhere = options.everywhere;
    const rules: Rule[] = [];
    for (const pack of packs) {
      for (const rule of pack.rules) {
        if (this.graceDays.has(rule.id)) continue;
        rules.push(rule);
        this.graceDays.set(rule.id, rule.graceDays ?? pack.graceDays);
        this.packOf.set(rule.id, pack.id);
      }
    }
    this.rules = rules;
    this.followUpFields = [...new Set(rules.flatMap((r) => templateOf(r).followUpField?.(r) ?? []))];
  }

  /**
   * One event into an in-memory ledger (`chibo evaluate`). Its twin over the
   * store is `recordMeeting` (shared/use-cases/record-meeting.ts), which the
   * pipeline runs: both decide versions, staleness, retractions and
   * follow-ups, and `test/integration/agreement.test.ts` keeps their findings
   * equal. A change to one of those decisions is made in both.
   */
  apply(ledger: Ledger, event: MeetingEvent): ApplyResult {
    if (ledger.eventIds.has(event.eventId)) return { outcome: 'duplicate', touched: [] };
    ledger.eventIds.add(event.eventId);
    return event.type === 'MeetingRecorded' ? this.record(ledger, event) : this.retract(ledger, event);
  }

  private record(ledger: Ledger, event: MeetingRecorded): ApplyResult {
    const meeting = ledger.meeting(event.meetingId);
    if (meeting.retracted) return { outcome: 'retracted', touched: [] };
    // Follow-up facts hold for the version that states them, whatever order versions arrive in.
    const recordedAt = instantMs(event.recordedAt);
    for (const field of this.followUpFields) if (followUpSet(event, field)) ledger.noteFollowUp(event.meetingId, field, recordedAt);
    if (meeting.version >= event.version) return { outcome: 'stale', touched: [] };

    const next = this.marksOf(event);
    const touched = this.replaceMarks(ledger, meeting.marks, next);
    Object.assign(meeting, { version: event.version, unitId: event.unitId, kind: event.kind, heldAt: instantMs(event.heldAt), marks: next });
    return { outcome: 'applied', touched };
  }

  /** The marks one meeting version makes in the ledger (none when its unit is unknown). */
  marksOf(event: MeetingRecorded): Mark[] {
    const unit = this.org.unit(event.unitId);
    const next: Mark[] = [];
    if (!unit) return next;
    const facts = meetingFacts(event, unit, this.org);
    for (const rule of this.rules) {
      // A rule says nothing of meetings held outside its validity.
      if (coversDate({ from: rule.validFrom, to: rule.validTo }, facts.date) && this.applies(rule.id, unit.id, facts.date)) templateOf(rule).marks?.(rule, facts, this.org, next);
    }
    return next;
  }

  /** Boolean fields whose first recording time matters (follow-ups such as resolutionIssued). */
  get followUpFieldNames(): readonly string[] {
    return this.followUpFields;
  }

  rule(ruleId: string): Rule | undefined {
    return this.rules.find((r) => r.id === ruleId);
  }

  private retract(ledger: Ledger, event: MeetingRetracted): ApplyResult {
    const meeting = ledger.meeting(event.meetingId);
    if (meeting.retracted) return { outcome: 'retracted', touched: [] };
    const touched = this.replaceMarks(ledger, meeting.marks, []);
    Object.assign(meeting, { retracted: true, marks: [] });
    return { outcome: 'applied', touched };
  }

  /** Remove the marks the old version made and the new one does not; (re)write the new ones. */
  private replaceMarks(ledger: Ledger, previous: readonly Mark[], next: readonly Mark[]): string[] {
    const touched = new Set<string>();
    const keep = previous.length === 0 ? null : new Set(next.map(markKey));
    for (const mark of previous) {
      if (keep?.has(markKey(mark))) continue;
      ledger.remove(mark);
      touched.add(`${mark.ruleId}|${subjectKey(mark.subject, mark.period)}`);
    }
    for (const mark of next) {
      ledger.add(mark);
      touched.add(`${mark.ruleId}|${subjectKey(mark.subject, mark.period)}`);
    }
    return [...touched];
  }

  /** Every finding at the instant, in the CLI's order. */
  findingsAt(ledger: Ledger, instant: number, options: EvaluateOptions = {}): Finding[] {
    const ctx = this.context(ledger, instant, options);
    const out: Finding[] = [];
    for (const rule of this.rules) templateOf(rule).findings(rule, ctx, out);
    return out.sort(compareFindings);
  }

  /** Every (rule, subject, period) bound in periods beginning between `from` and the instant: what a sweep opens. */
  boundObligations(ledger: Ledger, instant: number, options: EvaluateOptions = {}): Array<{ ruleId: string; subject: Subject; period: string }> {
    const ctx = this.context(ledger, instant, options);
    const out: Array<{ ruleId: string; subject: Subject; period: string }> = [];
    for (const rule of this.rules) {
      const found: Array<{ subject: Subject; period: string }> = [];
      templateOf(rule).bound?.(rule, ctx, found);
      for (const b of found) out.push({ ruleId: rule.id, ...b });
    }
    return out;
  }

  /** What an entry owes now; null for entries of alert-only rules. */
  obligationOf(ledger: Ledger, entry: LedgerEntry, instant: number): ObligationState | null {
    const rule = this.rule(entry.ruleId);
    if (!rule) return null;
    return templateOf(rule).obligation?.(rule, entry, this.context(ledger, instant, { from: 0 })) ?? null;
  }

  private context(ledger: Ledger, instant: number, options: EvaluateOptions): EvaluationContext {
    return new EvaluationContext(this.org, ledger, instant, options.from ?? defaultFrom(ledger, instant), this.graceDays, options.scope, this.applies, options.owns);
  }
}

/** The first instant of the month of the earliest meeting that still counts (not retracted), or of the instant's month when there is none. */
export function defaultFrom(ledger: Ledger, instant: number): number {
  return monthStartOf(earliestHeldAt(ledger, instant));
}

/** When the earliest meeting that still counts was held; `instant` when none was held before it. */
export function earliestHeldAt(ledger: Ledger, instant: number): number {
  let earliest = instant;
  for (const m of ledger.meetings.values()) if (!m.retracted && m.heldAt !== null && m.heldAt < earliest) earliest = m.heldAt;
  return earliest;
}

export function monthStartOf(instant: number): number {
  return periodBounds(periodOf(instant, 'month')).start;
}
