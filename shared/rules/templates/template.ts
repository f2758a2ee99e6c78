import type { Finding } from '../../contract/findings.ts';
import type { EvaluationContext } from '../../engine/evaluation-context.ts';
import type { MeetingFacts } from '../../engine/meeting-facts.ts';
import type { LedgerEntry, Mark } from '../../ledger/ledger.ts';
import type { Subject } from '../../contract/findings.ts';
import type { OrgIndex } from '../../org/org-index.ts';

/**
 * A generic, parameterised rule: what a meeting version marks in the ledger,
 * and what the ledger (with the org) says at an instant. Every rule of every
 * pack is one of these with its parameters; a new pack needs no new code.
 */
export interface RuleTemplate<R> {
  /** Marks of one meeting version; replaced wholesale when a newer version arrives. */
  marks?(rule: R, meeting: MeetingFacts, org: OrgIndex, out: Mark[]): void;
  /** A boolean field of the record whose first recording time matters across versions (follow-ups). */
  followUpField?(rule: R): string;
  findings(rule: R, ctx: EvaluationContext, out: Finding[]): void;
  /** Obligations of the rule bound in periods beginning between ctx.from and ctx.instant (so a subject that never met still owes). */
  bound?(rule: R, ctx: EvaluationContext, out: Array<{ subject: Subject; period: string }>): void;
  /** What one entry owes, for the ledger's status, the sweep's index and GET /obligations; absent for alert-only rules. */
  obligation?(rule: R, entry: LedgerEntry, ctx: EvaluationContext): ObligationState | null;
}

/** An obligation as the ledger sees it, with the instants at which time alone changes its findings. */
export interface ObligationState {
  required: Record<string, number>;
  counted: Record<string, number>;
  missing: Record<string, number>;
  evidence: string[];
  /** The reminder window opens. */
  remindFrom: number;
  /** The end of the period (or follow-up deadline): reminders stop. */
  deadline: number;
  /** Deadline plus grace: a violation if still owed. */
  violationAt: number;
}
