/** Tam Đảo practice: guard against lax exemptions (dễ dãi trong việc miễn sinh hoạt Đảng). */
import type { RulePackInput } from '../rule-pack.ts';

export const tdExemptions: RulePackInput = {
  id: 'td-exemptions',
  name: { vi: 'Chống dễ dãi trong miễn sinh hoạt Đảng (Tam Đảo)', en: 'No lax exemptions from party activity (Tam Đảo)' },
  graceDays: 3,
  rules: [
    {
      id: 'td-exemptions/exemption-share',
      template: 'exemption-share',
      title: { vi: 'Không quá 20% đảng viên của chi bộ được miễn sinh hoạt', en: 'No more than 20% of a cell’s members exempted' },
      citation: { document: { vi: 'Thực tiễn Huyện ủy Tam Đảo', en: 'Practice of the Tam Đảo District Committee' }, issuer: 'Vĩnh Phúc', date: '2021-04-23' },
      validFrom: '2021-04-23',
      period: 'quarter',
      maxPercent: 20,
      messages: {
        alert: {
          vi: '{subject} có {exempted}/{members} đảng viên được miễn sinh hoạt ({percent}%), quá {threshold}% ({citation})',
          en: '{subject} has {exempted} of {members} members exempted from party activity ({percent}%), more than {threshold}% ({citation})',
        },
      },
    },
  ],
};
