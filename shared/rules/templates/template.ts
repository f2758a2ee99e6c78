import type { Finding } from '../../contract/findings.ts';
import type { EvaluationContext } from '../../engine/evaluation-context.ts';
import type { MeetingFacts } from '../../engine/meeting-facts.ts';
import type { Mark } from '../../ledger/ledger.ts';
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
}
