/**
 * The columns of the period report as people read it (the CLI's table, CSV
 * and XLSX, the dashboard's export): one definition, so every format shows
 * the same numbers under the same headings, Vietnamese first.
 */
import type { ReportRow } from '../contract/report.ts';
import { criterionLabel } from './quality-distribution.ts';

export interface ReportColumn {
  key: string;
  vi: string;
  en: string;
  /** A percentage (0-100), shown with one decimal. */
  percent?: true;
  value(row: ReportRow): string | number | null;
}

/** count ÷ of, in percent with one decimal; null when there is nothing to divide by. */
/**
 * The columns of one report: the quality columns only when a meeting of the
 * report was rated, so reports of units that do not score meetings keep
 * their shape.
 */
export function reportColumns(report: { rows: readonly ReportRow[] }): readonly ReportColumn[] {
  return report.rows.some((r) => r.quality !== undefined) ? [...REPORT_COLUMNS, ...QUALITY_COLUMNS] : REPORT_COLUMNS;
}

export const share = (count: number, of: number): number | null => (of === 0 ? null : Math.round((count * 1000) / of) / 10);

export const REPORT_COLUMNS: readonly ReportColumn[] = [
  { key: 'unitId', vi: 'Mã đơn vị', en: 'Unit id', value: (r) => r.unitId },
  { key: 'name', vi: 'Đơn vị', en: 'Unit', value: (r) => r.name },
  { key: 'cells', vi: 'Số chi bộ', en: 'Cells', value: (r) => r.cells },
  { key: 'cellsMeetingEveryMonth', vi: 'Chi bộ sinh hoạt đủ các tháng', en: 'Cells meeting every month', value: (r) => r.cellsMeetingEveryMonth },
  { key: 'shareMeetingEveryMonth', vi: 'Tỷ lệ sinh hoạt đủ các tháng (%)', en: 'Share meeting every month (%)', percent: true, value: (r) => share(r.cellsMeetingEveryMonth, r.cells) },
  { key: 'cellsWithThematicMeeting', vi: 'Chi bộ có sinh hoạt chuyên đề', en: 'Cells with a thematic meeting', value: (r) => r.cellsWithThematicMeeting },
  { key: 'shareWithThematicMeeting', vi: 'Tỷ lệ có sinh hoạt chuyên đề (%)', en: 'Share with a thematic meeting (%)', percent: true, value: (r) => share(r.cellsWithThematicMeeting, r.cells) },
  { key: 'meetings', vi: 'Số buổi sinh hoạt', en: 'Meetings', value: (r) => r.meetings },
  { key: 'meanAttendancePercent', vi: 'Tỷ lệ dự sinh hoạt bình quân (%)', en: 'Mean attendance (%)', percent: true, value: (r) => r.meanAttendancePercent },
  { key: 'leadersMet', vi: 'Lãnh đạo đạt định mức', en: 'Leaders with quotas met', value: (r) => r.leadersMet },
  { key: 'leadersUnmet', vi: 'Lãnh đạo chưa đạt định mức', en: 'Leaders with quotas unmet', value: (r) => r.leadersUnmet.length },
  { key: 'leadersUnmetNames', vi: 'Lãnh đạo còn thiếu', en: 'Leaders still owing', value: (r) => r.leadersUnmet.map((l) => l.name).join('; ') },
  { key: 'openViolations', vi: 'Vi phạm chưa khắc phục', en: 'Open violations', value: (r) => r.openViolations },
  { key: 'excusedViolations', vi: 'Vi phạm được miễn', en: 'Excused violations', value: (r) => r.excusedViolations },
];

/** The meeting-quality columns (the quality pack's ratings). */
export const QUALITY_COLUMNS: readonly ReportColumn[] = [
  { key: 'ratedMeetings', vi: 'Số buổi được chấm điểm', en: 'Meetings scored', value: (r) => r.quality?.ratedMeetings ?? 0 },
  { key: 'shareTot', vi: 'Xếp loại tốt (%)', en: 'Rated good (%)', percent: true, value: (r) => (r.quality ? share(r.quality.bands.tot, r.quality.ratedMeetings) : null) },
  { key: 'shareKha', vi: 'Xếp loại khá (%)', en: 'Rated fair (%)', percent: true, value: (r) => (r.quality ? share(r.quality.bands.kha, r.quality.ratedMeetings) : null) },
  { key: 'shareTrungBinh', vi: 'Xếp loại trung bình (%)', en: 'Rated average (%)', percent: true, value: (r) => (r.quality ? share(r.quality.bands.trungBinh, r.quality.ratedMeetings) : null) },
  { key: 'shareKem', vi: 'Xếp loại kém (%)', en: 'Rated poor (%)', percent: true, value: (r) => (r.quality ? share(r.quality.bands.kem, r.quality.ratedMeetings) : null) },
  { key: 'meanQualityScore', vi: 'Điểm chất lượng bình quân', en: 'Mean quality score', value: (r) => r.quality?.meanScore ?? null },
  { key: 'mostMissedCriteria', vi: 'Tiêu chí hay bị trừ điểm', en: 'Criteria most often missed', value: (r) => (r.quality?.mostMissed ?? []).map((m) => `${criterionLabel(m.criterion)} (${m.meetings})`).join('; ') },
];
