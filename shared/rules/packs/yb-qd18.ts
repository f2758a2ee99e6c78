/**
 * Yên Bái Quy định 18-QĐ/TU (16/4/2019): leaders attend (dự sinh hoạt)
 * meetings of residential cells and grassroots committees in the units they
 * are assigned to. Since the 2025 reform it governs the former Yên Bái
 * communes of Lào Cai.
 */
import type { RulePackInput } from '../rule-pack.ts';

const citation = { document: { vi: 'Quy định 18-QĐ/TU', en: 'Regulation 18-QĐ/TU' }, issuer: 'Yên Bái', date: '2019-04-16' };
const residentialCell = { unit: { kinds: ['cell' as const], cellTypes: ['residential' as const] } };
const communeCommittee = { kinds: ['committee' as const], unit: { kinds: ['grassroots' as const], grassrootsTypes: ['commune' as const] } };
const committeeLabel = { vi: 'lần dự sinh hoạt với đảng ủy xã', en: 'visit to a commune committee meeting' };
const residentialLabel = { vi: 'lần dự sinh hoạt với chi bộ khu dân cư', en: 'visit to a residential cell meeting' };
const messages = {
  violation: {
    vi: '{subject} chưa thực hiện đủ việc dự sinh hoạt {period}: còn thiếu {missing} ({citation})',
    en: '{subject} did not make the visits owed for {period}: {missing} missing ({citation})',
  },
  reminder: {
    vi: '{subject} còn thiếu {missing} {period}; hạn cuối {dueBy} ({citation})',
    en: '{subject} still owes {missing} for {period}; due by {dueBy} ({citation})',
  },
};

export const ybQd18: RulePackInput = {
  id: 'yb-qd18',
  name: { vi: 'Quy định 18-QĐ/TU của Tỉnh ủy Yên Bái', en: 'Yên Bái Provincial Committee Regulation 18-QĐ/TU' },
  graceDays: 3,
  rules: [
    {
      id: 'yb-qd18/provincial-standing-quarterly',
      template: 'counted-meetings',
      title: { vi: 'Ủy viên Ban Thường vụ Tỉnh ủy dự sinh hoạt ít nhất mỗi quý 1 lần', en: 'Provincial standing committee members visit at least once a quarter' },
      citation,
      validFrom: '2019-04-16',
      period: 'quarter',
      subject: { type: 'leader', roles: ['standing_committee'], positionUnit: { kinds: ['province'] } },
      requirements: [
        {
          key: 'meetings',
          count: 1,
          label: { vi: 'lần dự sinh hoạt với đảng ủy cơ sở hoặc chi bộ khu dân cư', en: 'visit to a grassroots committee or residential cell meeting' },
          anyOf: [{ kinds: ['committee'], unit: { kinds: ['grassroots'] } }, residentialCell],
        },
      ],
      remindDaysBeforeEnd: 30,
      messages,
    },
    {
      id: 'yb-qd18/provincial-commune-quarterly',
      template: 'counted-meetings',
      title: {
        vi: 'Cấp ủy viên, lãnh đạo ban, sở, ngành tỉnh theo dõi xã đặc biệt khó khăn dự sinh hoạt mỗi quý ít nhất 2 lần',
        en: 'Provincial committee members and agency heads assigned to especially difficult communes visit at least twice a quarter',
      },
      citation,
      validFrom: '2019-04-16',
      period: 'quarter',
      subject: {
        type: 'leader',
        roles: ['executive_committee', 'agency_head'],
        positionUnit: { kinds: ['province'] },
        assignmentUnit: { tags: ['especially_difficult'] },
      },
      distinct: true,
      requirements: [
        { key: 'committeeMeetings', count: 1, label: committeeLabel, anyOf: [communeCommittee] },
        { key: 'residentialCellMeetings', count: 1, label: residentialLabel, anyOf: [residentialCell] },
      ],
      remindDaysBeforeEnd: 30,
      messages,
    },
    {
      id: 'yb-qd18/district-quarterly',
      template: 'counted-meetings',
      title: { vi: 'Ủy viên Ban Thường vụ, cấp ủy viên cấp huyện dự sinh hoạt mỗi quý', en: 'District standing and executive committee members visit every quarter' },
      citation,
      validFrom: '2019-04-16',
      validTo: '2025-06-30',
      period: 'quarter',
      subject: { type: 'leader', roles: ['standing_committee', 'executive_committee'], positionUnit: { kinds: ['district'] } },
      distinct: true,
      requirements: [
        { key: 'committeeMeetings', count: 1, label: committeeLabel, anyOf: [communeCommittee] },
        { key: 'residentialCellMeetings', count: 1, label: residentialLabel, anyOf: [residentialCell] },
      ],
      remindDaysBeforeEnd: 30,
      messages,
    },
    {
      id: 'yb-qd18/commune-monthly',
      template: 'counted-meetings',
      title: { vi: 'Ủy viên Ban Thường vụ, cấp ủy viên xã dự sinh hoạt chi bộ khu dân cư mỗi tháng', en: 'Commune standing and executive committee members visit a residential cell every month' },
      citation,
      validFrom: '2019-04-16',
      period: 'month',
      subject: {
        type: 'leader',
        roles: ['standing_committee', 'executive_committee'],
        positionUnit: { kinds: ['grassroots'], grassrootsTypes: ['commune'] },
        excludeOwnCell: true,
      },
      requirements: [{ key: 'meetings', count: 1, label: residentialLabel, anyOf: [residentialCell] }],
      remindDaysBeforeEnd: 10,
      messages,
    },
  ],
};
