/**
 * Share of a cell's members exempted from party activity (miễn sinh hoạt) on
 * the first day of each period (Tam Đảo: "khắc phục tình trạng dễ dãi trong
 * việc miễn sinh hoạt Đảng"). It reads the org only, no meetings.
 */
import * as z from 'zod';
import { periodFirstDay, periodLastDay, periodsStartingBetween } from '../../calendar/period.ts';
import type { Finding } from '../../contract/findings.ts';
import type { EvaluationContext } from '../../engine/evaluation-context.ts';
import { messagesFor, ruleBase } from '../rule-schema.ts';
import type { RuleTemplate } from './template.ts';

export const ExemptionShareRule = z.strictObject({
  ...ruleBase,
  template: z.literal('exemption-share'),
  period: z.enum(['month', 'quarter', 'year']),
  /** The alert is raised when strictly more than this share is exempted. */
  maxPercent: z.number().int().min(0).max(100),
  messages: messagesFor(['alert'], ['exempted', 'members', 'percent', 'threshold']),
});
export type ExemptionShareRule = z.infer<typeof ExemptionShareRule>;

function findings(rule: ExemptionShareRule, ctx: EvaluationContext, out: Finding[]): void {
  const { org } = ctx;
  for (const period of periodsStartingBetween(rule.period, ctx.from, ctx.instant)) {
    const day = periodFirstDay(period);
    if (rule.validFrom > day || (rule.validTo !== undefined && periodLastDay(period) > rule.validTo)) continue;
    const scoped = ctx.scopedIds(rule.id, 'cell');
    for (const cell of scoped ? [...scoped].flatMap((id) => org.unit(id) ?? []) : org.units.values()) {
      if (cell.kind !== 'cell' || !org.unitActiveOn(cell, day) || !ctx.applies(rule.id, cell.id, day) || !ctx.inScope(rule.id, { type: 'cell', id: cell.id }, period)) continue;
      const members = org.cellMembers(cell.id).filter((m) => org.memberActiveOn(m, day));
      const exempted = members.filter((m) => org.memberExemptOn(m, day)).length;
      if (members.length === 0 || exempted * 100 <= rule.maxPercent * members.length) continue;
      out.push(
        ctx.finding({
          rule,
          kind: 'alert',
          subject: { type: 'cell', id: cell.id },
          period,
          dueBy: null,
          missing: { exemptedMembersOverLimit: exempted - Math.floor((rule.maxPercent * members.length) / 100) },
          evidence: [],
          recipients: ctx.cellRecipients(cell.id, 'alert'),
          message: rule.messages.alert,
          values: { exempted, members: members.length, percent: Math.floor((exempted * 100) / members.length), threshold: rule.maxPercent },
        }),
      );
    }
  }
}

function bound(rule: ExemptionShareRule, ctx: EvaluationContext, out: Array<{ subject: Finding['subject']; period: string }>): void {
  for (const period of periodsStartingBetween(rule.period, ctx.from, ctx.instant)) {
    const day = periodFirstDay(period);
    if (rule.validFrom > day || (rule.validTo !== undefined && periodLastDay(period) > rule.validTo)) continue;
    for (const cell of ctx.org.units.values()) if (cell.kind === 'cell' && ctx.org.unitActiveOn(cell, day) && ctx.applies(rule.id, cell.id, day)) out.push({ subject: { type: 'cell', id: cell.id }, period });
  }
}

export const exemptionShare: RuleTemplate<ExemptionShareRule> = { findings, bound };
