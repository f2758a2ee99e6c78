/** National rules: the Party Charter (Điều lệ Đảng) and the Central Organisation Commission's guidance. Always on. */
import type { RulePackInput } from '../rule-pack.ts';

const charter = (article: number) => ({
  document: { vi: 'Điều lệ Đảng', en: 'Party Charter' },
  article: { vi: `Điều ${article}`, en: `Art. ${article}` },
  date: '2011-01-19',
});
const hd12 = { document: { vi: 'Hướng dẫn 12-HD/BTCTW', en: 'Guidance 12-HD/BTCTW' }, issuer: 'Ban Tổ chức Trung ương', date: '2018-07-06' };
const hd42 = { document: { vi: 'Hướng dẫn 42-HD/BTCTW', en: 'Guidance 42-HD/BTCTW' }, issuer: 'Ban Tổ chức Trung ương', date: '2025-10-28' };
const cellMeetingKinds = ['regular', 'combined'] as const;

export const dieuLe: RulePackInput = {
  id: 'dieu-le',
  name: { vi: 'Điều lệ Đảng và hướng dẫn thi hành', en: 'Party Charter and its implementing guidance' },
  graceDays: 3,
  rules: [
    {
      id: 'dieu-le/monthly-regular-meeting',
      template: 'counted-meetings',
      title: { vi: 'Chi bộ sinh hoạt thường kỳ mỗi tháng một lần', en: 'A cell holds its regular meeting every month' },
      citation: charter(24),
      validFrom: '2011-01-19',
      period: 'month',
      subject: { type: 'cell' },
      requirements: [{ key: 'regularMeetings', count: 1, label: { vi: 'buổi sinh hoạt thường kỳ', en: 'regular meeting' }, anyOf: [{ kinds: [...cellMeetingKinds] }] }],
      remindDaysBeforeEnd: 10,
      messages: {
        violation: { vi: '{subject} chưa sinh hoạt thường kỳ {period} ({citation})', en: '{subject} held no regular meeting in {period} ({citation})' },
        reminder: {
          vi: '{subject} chưa sinh hoạt thường kỳ {period}; hạn cuối {dueBy} ({citation})',
          en: '{subject} has not yet held its regular meeting for {period}; due by {dueBy} ({citation})',
        },
      },
    },
    {
      id: 'dieu-le/quarterly-thematic-meeting',
      template: 'counted-meetings',
      title: { vi: 'Chi bộ sinh hoạt chuyên đề ít nhất mỗi quý một lần', en: 'A cell holds a thematic meeting at least once a quarter' },
      citation: hd12,
      validFrom: '2018-07-06',
      period: 'quarter',
      subject: { type: 'cell' },
      requirements: [{ key: 'thematicMeetings', count: 1, label: { vi: 'buổi sinh hoạt chuyên đề', en: 'thematic meeting' }, anyOf: [{ kinds: ['thematic', 'combined'] }] }],
      remindDaysBeforeEnd: 30,
      messages: {
        violation: { vi: '{subject} chưa sinh hoạt chuyên đề {period} ({citation})', en: '{subject} held no thematic meeting in {period} ({citation})' },
        reminder: {
          vi: '{subject} chưa sinh hoạt chuyên đề {period}; hạn cuối {dueBy} ({citation})',
          en: '{subject} has not yet held a thematic meeting for {period}; due by {dueBy} ({citation})',
        },
      },
    },
    {
      id: 'dieu-le/member-unexcused-absence',
      template: 'unexcused-absence-months',
      title: { vi: 'Đảng viên bỏ sinh hoạt chi bộ ba tháng trong năm không có lý do chính đáng', en: 'A member misses cell meetings without a valid reason in three months of a year' },
      citation: charter(8),
      validFrom: '2011-01-19',
      kinds: [...cellMeetingKinds],
      months: 3,
      messages: {
        alert: {
          vi: '{subject} vắng sinh hoạt chi bộ không có lý do chính đáng trong {months} tháng của {period}; chi bộ cần xem xét, đề nghị xóa tên ({citation})',
          en: '{subject} missed cell meetings without a valid reason in {months} months of {period}; the cell must consider proposing removal from the Party ({citation})',
        },
      },
    },
    {
      id: 'dieu-le/excused-absence-streak',
      template: 'excused-absence-streak',
      title: { vi: 'Vắng mặt có lý do quá 03 lần liên tiếp trong năm', en: 'Excused absence from more than 3 consecutive meetings in a year' },
      citation: hd12,
      validFrom: '2018-07-06',
      kinds: [...cellMeetingKinds],
      maxConsecutive: 3,
      messages: {
        alert: {
          vi: '{subject} vắng sinh hoạt có lý do {streak} lần liên tiếp trong {period}, quá 03 lần ({citation})',
          en: '{subject} was absent with leave from {streak} consecutive meetings in {period}, more than 3 ({citation})',
        },
      },
    },
    {
      id: 'dieu-le/attendance-rate',
      template: 'attendance-rate',
      title: { vi: 'Tỷ lệ đảng viên dự sinh hoạt trên 85%', en: 'More than 85% of members attend' },
      citation: hd12,
      validFrom: '2018-07-06',
      kinds: [...cellMeetingKinds],
      thresholdPercent: 85,
      passWhen: 'above',
      messages: {
        alert: {
          vi: '{subject} chỉ có {present}/{eligible} đảng viên dự ({percent}%), chưa đạt trên {threshold}% ({citation})',
          en: '{subject} had {present} of {eligible} members present ({percent}%), not above {threshold}% ({citation})',
        },
      },
    },
    {
      id: 'dieu-le/minimum-duration',
      template: 'minimum-duration',
      title: { vi: 'Thời lượng sinh hoạt tối thiểu 90 phút (120 phút khi kết hợp chuyên đề)', en: 'Meetings last at least 90 minutes (120 when combined with a thematic part)' },
      citation: hd42,
      validFrom: '2025-10-28',
      minutesByKind: { regular: 90, thematic: 90, combined: 120 },
      messages: {
        alert: {
          vi: '{subject} chỉ kéo dài {minutes} phút, dưới mức tối thiểu {required} phút ({citation})',
          en: '{subject} lasted {minutes} minutes, less than the minimum of {required} ({citation})',
        },
      },
    },
  ],
};
