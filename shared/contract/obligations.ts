import * as z from 'zod';
import { Id } from './primitives.ts';
import { PeriodId, Subject } from './findings.ts';

/** One obligation of the ledger as `GET /obligations` shows it (DESIGN.md, "HTTP API"). */
export const ObligationView = z.strictObject({
  ruleId: z.string(),
  subject: Subject,
  period: PeriodId,
  /** Per requirement key, how many meetings the rule asks for. */
  required: z.record(z.string(), z.number().int().nonnegative()),
  /** Per requirement key, how many meetings count so far. */
  counted: z.record(z.string(), z.number().int().nonnegative()),
  missing: z.record(z.string(), z.number().int().nonnegative()),
  evidence: z.array(Id),
  /** open: still owed; met: nothing missing. */
  status: z.enum(['open', 'met']),
});
export type ObligationView = z.infer<typeof ObligationView>;
