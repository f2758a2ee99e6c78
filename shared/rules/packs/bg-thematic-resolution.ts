/** Bắc Giang practice: "Sau khi sinh hoạt chi bộ cần ban hành nghị quyết chuyên đề" within 7 days. */
import type { RulePackInput } from '../rule-pack.ts';

export const bgThematicResolution: RulePackInput = {
  id: 'bg-thematic-resolution',
  name: { vi: 'Nghị quyết chuyên đề sau sinh hoạt chuyên đề (Bắc Giang)', en: 'Thematic resolution after a thematic meeting (Bắc Giang)' },
  graceDays: 3,
  rules: [
    {
      id: 'bg-thematic-resolution/resolution-issued',
      template: 'follow-up',
      title: { vi: 'Ban hành nghị quyết chuyên đề trong 7 ngày sau buổi sinh hoạt chuyên đề', en: 'A thematic resolution within 7 days of a thematic meeting' },
      citation: { document: { vi: 'Thực tiễn Đảng bộ Các cơ quan tỉnh Bắc Giang', en: 'Practice of the Bắc Giang provincial agencies’ Party organisation' } },
      validFrom: '2019-01-01',
      kinds: ['thematic', 'combined'],
      withinDays: 7,
      field: 'resolutionIssued',
      key: 'resolutions',
      label: { vi: 'nghị quyết chuyên đề', en: 'thematic resolution' },
      remindDaysBeforeDue: 2,
      messages: {
        violation: {
          vi: '{subject} chưa ban hành {missing} trong hạn đến {dueBy} ({citation})',
          en: '{subject} issued no {missing} by {dueBy} ({citation})',
        },
        reminder: {
          vi: '{subject} cần ban hành {missing} trước {dueBy} ({citation})',
          en: '{subject} must issue its {missing} by {dueBy} ({citation})',
        },
      },
    },
  ],
};
