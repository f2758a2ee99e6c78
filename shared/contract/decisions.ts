/**
 * An inspection committee's decision on a finding (the dashboard's violations
 * inbox): acknowledged (seen, being handled) or excused (it stands, but for a
 * reason such as a flood month, so reports count it apart). Each is recorded
 * once per finding, with who and when: a retried request changes nothing.
 */
import * as z from 'zod';
import { Finding, FindingKind, PeriodId, Subject } from './findings.ts';
import { Id, Instant, Text } from './primitives.ts';

export const DecisionAction = z.enum(['acknowledge', 'excuse']);
export type DecisionAction = z.infer<typeof DecisionAction>;

export const Decision = z.strictObject({
  action: DecisionAction,
  /** The caller's name (Cognito user name or e-mail; the tokens file's name). */
  by: z.string(),
  /** ISO instant the decision was recorded. */
  at: z.string(),
  /** Why a finding is excused; absent on an acknowledgement. */
  reason: Text.optional(),
});
export type Decision = z.infer<typeof Decision>;

/** The finding a decision is about: its identity (DESIGN.md: kind, rule, subject, period). */
export const FindingRef = z.strictObject({ kind: FindingKind, ruleId: z.string().min(1).max(200), subject: Subject, period: PeriodId });
export type FindingRef = z.infer<typeof FindingRef>;

/** The body of POST /decisions. An excuse needs a reason. */
export const DecisionRequest = z
  .strictObject({ finding: FindingRef, action: DecisionAction, reason: Text.pipe(z.string().max(500)).optional() })
  .superRefine((r, ctx) => {
    if (r.action === 'excuse' && r.reason === undefined) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'an excuse needs a reason' });
    if (r.action === 'acknowledge' && r.reason !== undefined) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'an acknowledgement takes no reason' });
  });
export type DecisionRequest = z.infer<typeof DecisionRequest>;

/** Where and when a meeting that is a finding's subject was held, so a reader sees "Chi bộ …, buổi 11/02/2026" rather than its id. */
export const HeldMeeting = z.strictObject({ unitId: Id, heldAt: Instant.nullable() });

/**
 * A finding as GET /findings returns it: with its decisions, oldest first,
 * when it has any, and for a meeting's finding the meeting's unit and date.
 */
export const ReviewedFinding = Finding.extend({ decisions: z.array(Decision).min(1).optional(), meeting: HeldMeeting.optional() });
export type ReviewedFinding = z.infer<typeof ReviewedFinding>;

export const isExcused = (f: { decisions?: readonly Decision[] | undefined }): boolean => (f.decisions ?? []).some((d) => d.action === 'excuse');
