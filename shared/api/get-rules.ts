/** GET /rules: each rule's title, citation and requirement labels, so a page can say what is missing in words. */
import type { RuleSummary } from '../contract/dashboard.ts';
import { citationText } from '../rules/messages.ts';
import type { ApiResponse } from './api-types.ts';
import { RULES } from '../rules/rule-index.ts';

const SUMMARIES: RuleSummary[] = [...RULES.values()].map((rule) => ({
  id: rule.id,
  title: rule.title,
  citation: citationText(rule.citation),
  labels: Object.fromEntries(rule.template === 'counted-meetings' ? rule.requirements.map((q) => [q.key, q.label]) : []),
}));

export const getRules = async (): Promise<ApiResponse> => ({ status: 200, body: SUMMARIES });
