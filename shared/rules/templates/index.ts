import { attendanceRate } from './attendance-rate.ts';
import { countedMeetings } from './counted-meetings.ts';
import { excusedAbsenceStreak } from './excused-absence-streak.ts';
import { exemptionShare } from './exemption-share.ts';
import { followUp } from './follow-up.ts';
import { minimumDuration } from './minimum-duration.ts';
import { qualityRating } from './quality-rating.ts';
import { scoreGap } from './score-gap.ts';
import type { RuleTemplate } from './template.ts';
import { unexcusedAbsenceMonths } from './unexcused-absence-months.ts';
import type { Rule } from '../rule-pack.ts';

type TemplateName = Rule['template'];
type RuleOf<T extends TemplateName> = Extract<Rule, { template: T }>;

/** Every template's behaviour, by the `template` name a rule gives. */
export const TEMPLATES: { [T in TemplateName]: RuleTemplate<RuleOf<T>> } = {
  'counted-meetings': countedMeetings,
  'attendance-rate': attendanceRate,
  'unexcused-absence-months': unexcusedAbsenceMonths,
  'excused-absence-streak': excusedAbsenceStreak,
  'minimum-duration': minimumDuration,
  'follow-up': followUp,
  'exemption-share': exemptionShare,
  'quality-rating': qualityRating,
  'score-gap': scoreGap,
};

export function templateOf<R extends Rule>(rule: R): RuleTemplate<R> {
  return TEMPLATES[rule.template] as unknown as RuleTemplate<R>;
}
