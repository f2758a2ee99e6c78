/**
 * What a rule template needs to turn ledger entries into findings at one
 * instant: the deadline arithmetic, the recipients and the message wording.
 */
import { DAY_MS, describeDate, describePeriod, formatInstant, localDateOf } from '../calendar/period.ts';
import type { Finding, FindingKind, Subject } from '../contract/findings.ts';
import { entryKey, type Ledger } from '../ledger/ledger.ts';
import type { OrgIndex } from '../org/org-index.ts';
import { citationShort, citationText, renderMessage, type MessageValue } from '../rules/messages.ts';
import type { Bilingual, Citation } from '../rules/rule-schema.ts';

export type DeadlineStage = 'violation' | 'reminder' | null;

export interface FindingDraft {
  rule: { id: string; citation: Citation };
  kind: FindingKind;
  subject: Subject;
  period: string;
  /** The last instant the obligation could be met in; null for an alert. */
  dueBy: number | null;
  missing: Record<string, number>;
  evidence: string[];
  recipients: string[];
  message: Bilingual;
  values?: Record<string, MessageValue>;
}

export class EvaluationContext {
  /** Local date of the instant: who holds an office is read on it. */
  readonly today: string;

  constructor(
    readonly org: OrgIndex,
    readonly ledger: Ledger,
    readonly instant: number,
    /** Periods beginning before this, and alerts from meetings held before it, are not evaluated. */
    readonly from: number,
    private readonly graceDaysByRule: ReadonlyMap<string, number>,
    /** Entry keys (`entryKey`) to evaluate; every obligation and alert when absent (the CLI). */
    private readonly scope: ReadonlySet<string> | undefined,
    /** Whether a rule's pack governs a unit on a date (packs bound to part of the tree). */
    readonly applies: (ruleId: string, unitId: string, date: string) => boolean = () => true,
    /** The subjects this worker makes findings for; every subject when absent. */
    private readonly owns?: (subject: Subject) => boolean,
  ) {
    this.today = localDateOf(instant);
  }

  /**
   * With a scope, the ids of the subjects of this type it names for the rule;
   * null without one. Templates that enumerate bound subjects start from these,
   * so reconciling one entry costs the entry, not the province.
   */
  scopedIds(ruleId: string, type: Subject['type']): ReadonlySet<string> | null {
    if (this.scope === undefined) return null;
    if (!this.scopedById) {
      this.scopedById = new Map();
      for (const key of this.scope) {
        // `${ruleId}|${type}:${id}|${period}` (ledger.ts entryKey); ids hold no "|".
        const [rule, subject] = key.split('|') as [string, string];
        const colon = subject.indexOf(':');
        const k = `${rule}|${subject.slice(0, colon)}`;
        let ids = this.scopedById.get(k);
        if (!ids) this.scopedById.set(k, (ids = new Set()));
        ids.add(subject.slice(colon + 1));
      }
    }
    return this.scopedById.get(`${ruleId}|${type}`) ?? new Set();
  }

  private scopedById: Map<string, Set<string>> | undefined;

  /** Whether (rule, subject, period) is to be evaluated: the pipeline evaluates only what an event touched or a sweep opened. */
  inScope(ruleId: string, subject: Subject, period: string): boolean {
    if (this.owns !== undefined && !this.owns(subject)) return false;
    return this.scope === undefined || this.scope.has(entryKey(ruleId, subject, period));
  }

  graceDays(ruleId: string): number {
    return this.graceDaysByRule.get(ruleId) ?? 0;
  }

  /**
   * Violation once `deadline + grace` has passed; reminder inside the window
   * that opens `remindDays` before the deadline and closes at it; nothing in
   * the grace days between, when a late record may still arrive.
   */
  stage(deadline: number, ruleId: string, remindDays: number): DeadlineStage {
    if (this.instant >= deadline + this.graceDays(ruleId) * DAY_MS) return 'violation';
    if (this.instant < deadline && this.instant >= deadline - remindDays * DAY_MS) return 'reminder';
    return null;
  }

  /** A cell's secretaries and deputies; its parent's inspection committee unless it is a reminder. */
  cellRecipients(cellId: string, kind: FindingKind): string[] {
    const recipients = this.org.cellOfficers(cellId, this.today);
    const parentId = this.org.unit(cellId)?.parentId;
    if (kind !== 'reminder' && parentId) recipients.push(`ubkt:${parentId}`);
    return recipients;
  }

  /** The leader; for a violation also the inspection committees of the units whose positions bind the rule. */
  leaderRecipients(leaderId: string, bindingUnitIds: readonly string[], kind: FindingKind): string[] {
    const committees = kind === 'violation' ? [...new Set(bindingUnitIds)].sort().map((u) => `ubkt:${u}`) : [];
    return [leaderId, ...committees];
  }

  /** How a message names its subject: a cell, a leader, a member or a meeting. */
  describe(subject: Subject): Bilingual {
    const { org } = this;
    switch (subject.type) {
      case 'cell':
      case 'unit': {
        const name = org.unit(subject.id)?.name ?? subject.id;
        return { vi: name, en: name };
      }
      case 'leader': {
        const name = org.leaders.get(subject.id)?.name ?? subject.id;
        return { vi: `đồng chí ${name}`, en: name };
      }
      case 'member': {
        const member = org.members.get(subject.id);
        const cell = member ? (org.unit(member.cellId)?.name ?? member.cellId) : '?';
        const name = member?.name ?? subject.id;
        return { vi: `đảng viên ${name} (${cell})`, en: `member ${name} (${cell})` };
      }
      case 'meeting': {
        const meeting = this.ledger.meetings.get(subject.id);
        const unit = meeting?.unitId ? (org.unit(meeting.unitId)?.name ?? meeting.unitId) : '?';
        const date = meeting?.heldAt != null ? describeDate(meeting.heldAt) : '?';
        return { vi: `buổi sinh hoạt ngày ${date} của ${unit}`, en: `the meeting of ${date} at ${unit}` };
      }
    }
  }

  finding(d: FindingDraft): Finding {
    const values: Record<string, MessageValue> = {
      subject: this.describe(d.subject),
      period: { vi: describePeriod(d.period, 'vi'), en: describePeriod(d.period, 'en') },
      citation: this.cited(d.rule.citation).short,
      ...(d.dueBy === null ? {} : { dueBy: describeDate(d.dueBy) }),
      ...d.values,
    };
    return {
      kind: d.kind,
      ruleId: d.rule.id,
      subject: d.subject,
      period: d.period,
      dueBy: d.dueBy === null ? null : formatInstant(d.dueBy),
      missing: d.missing,
      evidence: d.evidence,
      recipients: d.recipients,
      message: renderMessage(d.message, values),
      citation: this.cited(d.rule.citation).text,
    };
  }

  /** A rule's citation in both forms, built once per rule, not once per finding. */
  private cited(citation: Citation): { short: Bilingual; text: string } {
    let forms = this.citations.get(citation);
    if (!forms) this.citations.set(citation, (forms = { short: citationShort(citation), text: citationText(citation) }));
    return forms;
  }

  private readonly citations = new WeakMap<Citation, { short: Bilingual; text: string }>();
}
