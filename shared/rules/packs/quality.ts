/**
 * Meeting quality (Hướng dẫn 42-HD/BTCTW, Hòa Bình Quy định 31-QĐi/TU): each
 * scored meeting rated on its sheet, alerts on poor ratings and on self
 * scores far from the upper level's, a violation for a regular meeting left
 * unscored. The sheets are data (shared/quality/sheets.ts), carried here.
 */
import { HD42_100, SHIPPED_SHEETS } from '../../quality/sheets.ts';
import type { RulePackInput } from '../rule-pack.ts';

const sheets = [...SHIPPED_SHEETS];
const HD42 = HD42_100.citation;
/** The bands and their critical gate; the handbook is cited without a date, none being given in the seeds. */
const BANDS_CITATION = { document: { vi: 'Sổ tay của Đảng ủy Khối tỉnh Bình Thuận (xếp loại chất lượng sinh hoạt)', en: 'Bình Thuận bloc committee handbook (meeting ratings)' } };

export const quality: RulePackInput = {
  id: 'quality',
  name: { vi: 'Chấm điểm chất lượng sinh hoạt chi bộ', en: 'Cell meeting quality scoring' },
  graceDays: 3,
  rules: [
    {
      id: 'quality/rating-below-kha',
      template: 'quality-rating',
      title: { vi: 'Buổi sinh hoạt xếp loại dưới khá', en: 'A meeting rated below fair' },
      citation: BANDS_CITATION,
      validFrom: '2018-12-14',
      sheets,
      alertBands: ['trung-binh', 'kem'],
      messages: {
        alert: {
          vi: '{subject} xếp loại {band}: {total} điểm; mất điểm ở {lost} ({citation})',
          en: '{subject} rated {band}: {total} points; points lost on {lost} ({citation})',
        },
      },
    },
    {
      id: 'quality/self-upper-gap',
      template: 'score-gap',
      title: { vi: 'Điểm chi bộ tự chấm chênh lệch với điểm cấp trên chấm', en: 'Self and upper-level scores far apart' },
      citation: BANDS_CITATION,
      validFrom: '2018-12-14',
      sheets,
      minGapPoints: 15,
      messages: {
        alert: {
          vi: '{subject}: chi bộ tự chấm {selfTotal} điểm, cấp trên chấm {total} điểm ({band}), chênh {gap} điểm; cấp trên trừ điểm ở {lost} ({citation})',
          en: '{subject}: the cell scored itself {selfTotal} points, the upper level {total} ({band}), {gap} points apart; the upper level took points off {lost} ({citation})',
        },
      },
    },
    {
      id: 'quality/unscored-meeting',
      template: 'follow-up',
      title: { vi: 'Chấm điểm buổi sinh hoạt thường kỳ trong 7 ngày', en: 'A regular meeting scored within 7 days' },
      citation: HD42,
      validFrom: '2025-10-28',
      kinds: ['regular', 'combined'],
      withinDays: 7,
      field: 'quality',
      key: 'scoreSheets',
      label: { vi: 'phiếu chấm điểm chất lượng sinh hoạt', en: 'quality score sheet' },
      remindDaysBeforeDue: 2,
      messages: {
        violation: {
          vi: '{subject} chưa có {missing} trong hạn đến {dueBy} ({citation})',
          en: '{subject} has no {missing} by {dueBy} ({citation})',
        },
        reminder: {
          vi: '{subject} cần có {missing} trước {dueBy} ({citation})',
          en: '{subject} needs its {missing} by {dueBy} ({citation})',
        },
      },
    },
  ],
};
