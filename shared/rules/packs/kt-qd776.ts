/**
 * Kon Tum Quy định 776-QĐ/TU (16/01/2023): yearly quotas of visits to
 * residential cells. "Việc dự sinh hoạt … không thay thế nhiệm vụ sinh hoạt
 * đảng của đảng viên": a commune leader's own cell does not count.
 */
import type { RulePackInput } from '../rule-pack.ts';

const citation = { document: { vi: 'Quy định 776-QĐ/TU', en: 'Regulation 776-QĐ/TU' }, issuer: 'Kon Tum', date: '2023-01-16' };
const visits = (count: number) => [
  {
    key: 'meetings',
    count,
    label: { vi: 'lần dự sinh hoạt với chi bộ khu dân cư', en: 'visit to a residential cell meeting' },
    anyOf: [{ unit: { kinds: ['cell' as const], cellTypes: ['residential' as const] } }],
  },
];
const messages = {
  violation: {
    vi: '{subject} chưa dự đủ số buổi sinh hoạt chi bộ khu dân cư {period}: còn thiếu {missing} ({citation})',
    en: '{subject} did not make the residential cell visits owed for {period}: {missing} missing ({citation})',
  },
  reminder: {
    vi: '{subject} còn thiếu {missing} {period}; hạn cuối {dueBy} ({citation})',
    en: '{subject} still owes {missing} for {period}; due by {dueBy} ({citation})',
  },
};

export const ktQd776: RulePackInput = {
  id: 'kt-qd776',
  name: { vi: 'Quy định 776-QĐ/TU của Tỉnh ủy Kon Tum', en: 'Kon Tum Provincial Committee Regulation 776-QĐ/TU' },
  graceDays: 3,
  rules: [
    {
      id: 'kt-qd776/provincial-yearly',
      template: 'counted-meetings',
      title: { vi: 'Tỉnh ủy viên dự sinh hoạt chi bộ khu dân cư ít nhất 2 lần mỗi năm', en: 'Provincial committee members visit residential cells at least twice a year' },
      citation,
      validFrom: '2023-01-16',
      period: 'year',
      subject: { type: 'leader', roles: ['executive_committee'], positionUnit: { kinds: ['province'] } },
      requirements: visits(2),
      remindDaysBeforeEnd: 60,
      messages,
    },
    {
      id: 'kt-qd776/district-yearly',
      template: 'counted-meetings',
      title: { vi: 'Huyện ủy viên dự sinh hoạt chi bộ khu dân cư ít nhất 6 lần mỗi năm', en: 'District committee members visit residential cells at least six times a year' },
      citation,
      validFrom: '2023-01-16',
      validTo: '2025-06-30',
      period: 'year',
      subject: { type: 'leader', roles: ['executive_committee'], positionUnit: { kinds: ['district'] } },
      requirements: visits(6),
      remindDaysBeforeEnd: 60,
      messages,
    },
    {
      id: 'kt-qd776/commune-yearly',
      template: 'counted-meetings',
      title: { vi: 'Đảng ủy viên xã dự sinh hoạt chi bộ khu dân cư ít nhất 6 lần mỗi năm', en: 'Commune committee members visit residential cells at least six times a year' },
      citation,
      validFrom: '2023-01-16',
      period: 'year',
      subject: {
        type: 'leader',
        roles: ['executive_committee'],
        positionUnit: { kinds: ['grassroots'], grassrootsTypes: ['commune'] },
        excludeOwnCell: true,
      },
      requirements: visits(6),
      remindDaysBeforeEnd: 60,
      messages,
    },
  ],
};
