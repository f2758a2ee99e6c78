/** A rule pack: a validated object of rules built from the generic templates. */
import * as z from 'zod';
import { AttendanceRateRule } from './templates/attendance-rate.ts';
import { CountedMeetingsRule } from './templates/counted-meetings.ts';
import { ExcusedAbsenceStreakRule } from './templates/excused-absence-streak.ts';
import { ExemptionShareRule } from './templates/exemption-share.ts';
import { FollowUpRule } from './templates/follow-up.ts';
import { MinimumDurationRule } from './templates/minimum-duration.ts';
import { QualityRatingRule } from './templates/quality-rating.ts';
import { ScoreGapRule } from './templates/score-gap.ts';
import { UnexcusedAbsenceMonthsRule } from './templates/unexcused-absence-months.ts';
import { Bilingual, Days } from './rule-schema.ts';

export const Rule = z.discriminatedUnion('template', [
  CountedMeetingsRule,
  AttendanceRateRule,
  UnexcusedAbsenceMonthsRule,
  ExcusedAbsenceStreakRule,
  MinimumDurationRule,
  FollowUpRule,
  ExemptionShareRule,
  QualityRatingRule,
  ScoreGapRule,
]);
export type Rule = z.infer<typeof Rule>;

export const RulePack = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: Bilingual,
    /** Days after a deadline before an unmet obligation becomes a violation, unless a rule says otherwise. */
    graceDays: Days.default(3),
    rules: z.array(Rule).min(1),
  })
  .superRefine((pack, ctx) => {
    const seen = new Set<string>();
    pack.rules.forEach((rule, i) => {
      if (!rule.id.startsWith(`${pack.id}/`)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `a rule of pack ${pack.id} must be named ${pack.id}/…` });
      if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id ${rule.id}` });
      if (rule.validTo !== undefined && rule.validTo < rule.validFrom) ctx.addIssue({ code: 'custom', path: ['rules', i, 'validTo'], message: 'validTo is before validFrom' });
      seen.add(rule.id);
    });
  });
export type RulePack = z.infer<typeof RulePack>;
export type RulePackInput = z.input<typeof RulePack>;
