/** Hà Nội Đề án 11-ĐA/TU (6/12/2021): at least 90% attendance, exempted members excluded. */
import type { RulePackInput } from '../rule-pack.ts';

export const hnDa11: RulePackInput = {
  id: 'hn-da11',
  name: { vi: 'Đề án 11-ĐA/TU của Thành ủy Hà Nội', en: 'Hà Nội Party Committee Scheme 11-ĐA/TU' },
  graceDays: 3,
  rules: [
    {
      id: 'hn-da11/attendance-90',
      template: 'attendance-rate',
      title: { vi: 'Tỷ lệ đảng viên dự sinh hoạt đạt từ 90% trở lên', en: 'At least 90% of members attend' },
      citation: { document: { vi: 'Đề án 11-ĐA/TU', en: 'Scheme 11-ĐA/TU' }, issuer: 'Hà Nội', date: '2021-12-06' },
      validFrom: '2021-12-06',
      kinds: ['regular', 'combined'],
      thresholdPercent: 90,
      passWhen: 'at-or-above',
      messages: {
        alert: {
          vi: '{subject} chỉ có {present}/{eligible} đảng viên dự ({percent}%), chưa đạt từ {threshold}% trở lên ({citation})',
          en: '{subject} had {present} of {eligible} members present ({percent}%), below {threshold}% ({citation})',
        },
      },
    },
  ],
};
