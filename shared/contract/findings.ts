import * as z from 'zod';
import { Id, Instant } from './primitives.ts';

export const FindingKind = z.enum(['violation', 'reminder', 'alert']);
export const SubjectType = z.enum(['cell', 'unit', 'leader', 'member', 'meeting']);
export const Subject = z.strictObject({ type: SubjectType, id: Id });

/** A period id: `2026`, `2026-Q1` or `2026-03` (Asia/Ho_Chi_Minh calendar). */
export const PeriodId = z.string().regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'expected a period: YYYY, YYYY-Qn or YYYY-MM');

/** Recipients are leader ids or `ubkt:<unitId>` (the inspection committee, ủy ban kiểm tra, of that unit). */
export const Finding = z.strictObject({
  kind: FindingKind,
  ruleId: z.string(),
  subject: Subject,
  period: PeriodId,
  /** The deadline of an obligation; null for an alert, which owes nothing. */
  dueBy: Instant.nullable(),
  missing: z.record(z.string(), z.number().int().nonnegative()),
  evidence: z.array(Id),
  recipients: z.array(z.string()),
  message: z.strictObject({ vi: z.string(), en: z.string() }),
  citation: z.string(),
});

export type FindingKind = z.infer<typeof FindingKind>;
export type SubjectType = z.infer<typeof SubjectType>;
export type Subject = z.infer<typeof Subject>;
export type PeriodId = z.infer<typeof PeriodId>;
export type Finding = z.infer<typeof Finding>;

const KEY_ORDER: ReadonlyArray<(f: Finding) => string> = [(f) => f.period, (f) => f.ruleId, (f) => f.subject.id, (f) => f.kind];

/** The CLI's order: period, ruleId, subject id, kind (code-point order, not the locale's). */
export function compareFindings(a: Finding, b: Finding): number {
  for (const key of KEY_ORDER) {
    const x = key(a);
    const y = key(b);
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * compareFindings as one string, for merging findings made in worker threads:
 * ids and periods hold no NUL, so comparing the joined keys is comparing
 * field by field.
 */
export function findingSortKey(f: Finding): string {
  return `${f.period}\0${f.ruleId}\0${f.subject.id}\0${f.kind}`;
}

/** Two findings are the same finding when kind, rule, subject and period agree. */
export function findingIdentity(f: Pick<Finding, 'kind' | 'ruleId' | 'subject' | 'period'>): string {
  return `${f.kind}|${f.ruleId}|${f.subject.type}:${f.subject.id}|${f.period}`;
}

/** The subject named in a finding identity (ids hold no "|"). */
export function subjectOfIdentity(identity: string): Subject {
  const subject = identity.split('|')[2] ?? '';
  const colon = subject.indexOf(':');
  return { type: subject.slice(0, colon) as Subject['type'], id: subject.slice(colon + 1) };
}
