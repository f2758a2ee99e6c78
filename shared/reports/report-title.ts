/** The report's title in both languages: its period, unit and the instant its figures hold at. */
import { describeDate, describePeriod, instantMs } from '../calendar/period.ts';
import type { PeriodReport } from '../contract/report.ts';

export function reportTitle(report: PeriodReport): { vi: string; en: string } {
  const unit = report.rows[0];
  const at = describeDate(instantMs(report.asOf));
  return {
    vi: `Báo cáo ${describePeriod(report.period, 'vi')}: ${unit?.name ?? report.unitId} (${report.unitId}), số liệu đến ${at}`,
    en: `Report for ${describePeriod(report.period, 'en')}: ${report.unitId}, figures as of ${at}`,
  };
}
