/**
 * A notice as fields, for the channels that carry a few words (SMS) or only
 * the parameters of an approved template (Zalo ZNS): what it is, the subject,
 * the period, what is missing, the due date and the rule. No field carries a
 * member's name: people and meetings are named by id or by cell and date,
 * units by id, so a text on a shared phone tells nobody about anybody.
 */
import { describeDate, describePeriod, instantMs } from '../calendar/period.ts';
import type { Finding, FindingKind } from '../contract/findings.ts';
import { RULES } from '../rules/rule-index.ts';
import type { Rule } from '../rules/rule-pack.ts';

export type Language = 'vi' | 'en';

export interface NoticeFields {
  kind: string;
  subject: string;
  period: string;
  missing: string;
  due: string;
  rule: string;
}

/** The word for each kind of finding, as e-mail subjects and digests group them. */
export const KIND_WORD: Record<FindingKind | 'withdrawn', Record<Language, string>> = {
  violation: { vi: 'Vi phạm', en: 'Violation' },
  reminder: { vi: 'Nhắc nhở', en: 'Reminder' },
  alert: { vi: 'Cảnh báo', en: 'Alert' },
  withdrawn: { vi: 'Đã rút lại', en: 'Withdrawn' },
};

const SUBJECT_WORD: Record<Finding['subject']['type'], Record<Language, string>> = {
  cell: { vi: 'Chi bộ', en: 'Cell' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  leader: { vi: 'Đồng chí', en: 'Leader' },
  member: { vi: 'Đảng viên', en: 'Member' },
  meeting: { vi: 'Buổi sinh hoạt', en: 'Meeting' },
};

/** Shortfalls the templates name without a label of the rule's own. */
const BUILT_IN_MISSING: Record<string, Record<Language, string>> = {
  presentMembers: { vi: 'đảng viên dự', en: 'member(s) present' },
  minutes: { vi: 'phút sinh hoạt', en: 'minutes of meeting' },
  exemptedMembersOverLimit: { vi: 'đảng viên miễn sinh hoạt vượt mức', en: 'exempted members over the limit' },
};

function labelOf(rule: Rule | undefined, key: string, lang: Language): string {
  if (rule && 'requirements' in rule) {
    const q = (rule.requirements as ReadonlyArray<{ key: string; label: Record<Language, string> }>).find((r) => r.key === key);
    if (q) return q.label[lang];
  }
  if (rule && 'key' in rule && 'label' in rule && rule.key === key) return (rule.label as Record<Language, string>)[lang];
  return BUILT_IN_MISSING[key]?.[lang] ?? key;
}

/** "1 buổi sinh hoạt thường kỳ" / "1 regular meeting missing"; an alert that owes no count says what the rule is about. */
export function missingPhrase(finding: Finding, lang: Language): string {
  const rule = RULES.get(finding.ruleId);
  const parts = Object.entries(finding.missing).map(([key, n]) => `${n} ${labelOf(rule, key, lang)}`);
  if (parts.length === 0) return rule ? rule.title[lang] : finding.ruleId;
  return lang === 'vi' ? `thiếu ${parts.join(', ')}` : `missing ${parts.join(', ')}`;
}

/** "Điều lệ Đảng, Điều 24": the document and the article, without the date. */
export function ruleCitation(finding: Finding, lang: Language): string {
  const rule = RULES.get(finding.ruleId);
  if (!rule) return finding.citation;
  const { document, article } = rule.citation;
  return article ? `${document[lang]}, ${article[lang]}` : document[lang];
}

export function subjectPhrase(finding: Finding, lang: Language, meeting?: string): string {
  if (finding.subject.type === 'meeting' && meeting !== undefined) return meeting;
  return `${SUBJECT_WORD[finding.subject.type][lang]} ${finding.subject.id}`;
}

export function noticeFields(finding: Finding, stage: 'raised' | 'withdrawn', lang: Language, meeting?: string): NoticeFields {
  const kind = stage === 'raised' ? KIND_WORD[finding.kind][lang] : `${KIND_WORD.withdrawn[lang]}: ${KIND_WORD[finding.kind][lang]}`;
  return {
    kind,
    subject: subjectPhrase(finding, lang, meeting),
    period: describePeriod(finding.period, lang),
    missing: stage === 'raised' ? missingPhrase(finding, lang) : lang === 'vi' ? 'nay đã đáp ứng' : 'now met',
    due: finding.dueBy === null || stage === 'withdrawn' ? '' : describeDate(instantMs(finding.dueBy)),
    rule: ruleCitation(finding, lang),
  };
}
