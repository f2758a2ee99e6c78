/** The example's February violation of TDP5's monthly meeting, as the tests of notices and their delivery send it. */
import type { Finding } from '../../shared/contract/findings.ts';

export const TDP5_FEBRUARY: Finding = {
  kind: 'violation',
  ruleId: 'dieu-le/monthly-regular-meeting',
  subject: { type: 'cell', id: 'LC.NL.TDP5' },
  period: '2026-02',
  dueBy: '2026-02-28T23:59:59+07:00',
  missing: { regularMeetings: 1 },
  evidence: [],
  recipients: ['S-TDP5', 'ubkt:LC.NL'],
  message: {
    vi: 'Chi bộ tổ dân phố 5 chưa sinh hoạt thường kỳ tháng 02/2026 (Điều lệ Đảng, Điều 24)',
    en: 'Chi bộ tổ dân phố 5 held no regular meeting in 02/2026 (Party Charter, Art. 24)',
  },
  citation: 'Điều lệ Đảng, Điều 24 (19/1/2011)',
};

/** The same violation in another month (`2026-01`…), its message and deadline to match. */
export function tdp5Month(period: string): Finding {
  const month = `${period.slice(5)}/${period.slice(0, 4)}`;
  const last = new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5)), 0)).getUTCDate();
  return {
    ...TDP5_FEBRUARY,
    period,
    dueBy: `${period}-${last}T23:59:59+07:00`,
    message: { vi: TDP5_FEBRUARY.message.vi.replace('02/2026', month), en: TDP5_FEBRUARY.message.en.replace('02/2026', month) },
  };
}
