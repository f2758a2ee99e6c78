/**
 * The period report's quality columns, from the ledger the engine writes for
 * the quality pack: share of meetings per band, mean score, the criteria
 * most often missed; a unit without rated meetings has none.
 */
import { describe, expect, it } from 'vitest';
import { instantMs } from '../../../shared/calendar/period.ts';
import type { MeetingRecorded } from '../../../shared/contract/events.ts';
import { Engine } from '../../../shared/engine/engine.ts';
import { Ledger } from '../../../shared/ledger/ledger.ts';
import type { Register, StoredEntry } from '../../../shared/ports/ledger-store.ts';
import { periodReport } from '../../../shared/reports/period-report.ts';
import { QUALITY_COLUMNS, REPORT_COLUMNS } from '../../../shared/reports/report-columns.ts';
import type { Rule } from '../../../shared/rules/rule-pack.ts';
import { attendance, meeting, packs } from '../../support/builders.ts';
import { excusedRunYear } from '../../support/excused-run-year.ts';
import { ids, membersOf, oneCellOrg } from '../../support/scenarios.ts';

const MEMBERS = ids('A', 10);
const org = oneCellOrg(membersOf('P.X.A', MEMBERS));
const PACKS = packs('quality');
const RULES: ReadonlyMap<string, Rule> = new Map(PACKS.flatMap((p) => p.rules.map((r) => [r.id, r] as const)));
const FULL = { preparation: 10, conduct: 30, chairing: 10, principles: 5, results: 30, closing: 5 };

const held = (day: number, scores: Record<string, number> | null): MeetingRecorded =>
  meeting({
    unitId: 'P.X.A',
    heldAt: `2026-0${day < 32 ? 1 : 2}-${String(((day - 1) % 31) + 1).padStart(2, '0')}T19:30:00+07:00`,
    endedAt: `2026-0${day < 32 ? 1 : 2}-${String(((day - 1) % 31) + 1).padStart(2, '0')}T21:00:00+07:00`,
    attendance: attendance(MEMBERS),
    ...(scores ? { quality: { sheet: 'hd42-100', scoredBy: 'self' as const, scores } } : {}),
  });

/** The engine's ledger as the store's entries (registers by meeting), as GET /report reads them. */
function storedEntries(ledger: Ledger): StoredEntry[] {
  return [...RULES.keys()].flatMap((ruleId) => [...ledger.entries(ruleId)]).map((e) => {
    const registers = new Map<string, Register>();
    for (const [slot, meetings] of e.slots) {
      for (const [meetingId, ev] of meetings) {
        const r = registers.get(meetingId) ?? { version: 1, eventId: meetingId, unitId: 'P.X.A', heldAt: ev.heldAt, kind: 'regular' as const, slots: {} };
        r.slots[slot] = ev;
        registers.set(meetingId, r);
      }
    }
    return { ruleId: e.ruleId, subject: e.subject, period: e.period, rev: 1, registers, followUps: new Map(), saved: { raised: {}, status: null, attentionAt: null, view: null } };
  });
}

function reportOf(events: MeetingRecorded[], period = '2026-Q1') {
  const engine = new Engine(org, PACKS);
  const ledger = new Ledger();
  for (const e of events) engine.apply(ledger, e);
  return periodReport({ org, unitId: 'P.X', period, asOf: instantMs('2026-04-04T00:00:00+07:00'), rules: RULES, entries: storedEntries(ledger), findings: [] });
}

describe('the period report’s quality columns', () => {
  const events = [
    held(5, FULL), // 100, tốt
    held(12, { ...FULL, conduct: 20 }), // 90, tốt
    held(19, { ...FULL, results: 10, conduct: 29 }), // 79, khá
    held(36, { conduct: 30, results: 30 }), // 70, khá: preparation, chairing, principles and closing lost
    held(40, { conduct: 10, preparation: 10, principles: 5, closing: 5 }), // 40, kém: conduct, chairing and results lost
    held(45, null), // not scored: not rated
  ];

  it('counts each band, the mean score and the three criteria most often missed, for the unit and the units above', () => {
    const rows = reportOf(events).rows;
    const expected = {
      ratedMeetings: 5,
      bands: { tot: 2, kha: 2, trungBinh: 0, kem: 1 },
      meanScore: 75.8,
      // conduct 3; chairing and results 2 (ties in id order); preparation, principles and closing 1.
      mostMissed: [
        { criterion: 'conduct', meetings: 3 },
        { criterion: 'chairing', meetings: 2 },
        { criterion: 'results', meetings: 2 },
      ],
    };
    expect(rows.map((r) => [r.unitId, r.quality])).toEqual([['P.X', expected]]);
  });

  it('as columns: shares in percent, the criteria by their Vietnamese labels', () => {
    const row = reportOf(events).rows[0]!;
    const value = (key: string) => QUALITY_COLUMNS.find((c) => c.key === key)!.value(row);
    expect(['ratedMeetings', 'shareTot', 'shareKha', 'shareTrungBinh', 'shareKem', 'meanQualityScore'].map(value)).toEqual([5, 40, 40, 0, 20, 75.8]);
    expect(value('mostMissedCriteria')).toBe('tiến hành sinh hoạt (3); điều hành của chủ trì (2); kết quả thực hiện nghị quyết tháng trước (2)');
  });

  it('only meetings held in the period count; without any, the row has no quality and the columns are empty', () => {
    expect(reportOf(events, '2026-02').rows[0]!.quality?.ratedMeetings).toBe(2);
    const row = reportOf([held(45, null)]).rows[0]!;
    expect(row.quality).toBeUndefined();
    expect(QUALITY_COLUMNS.find((c) => c.key === 'shareTot')!.value(row)).toBeNull();
  });
});

describe('ratings in the report are settled on the cell’s whole year', () => {
  it('a second-quarter report rates April and May without the bonus that January to March took away', () => {
    const year = excusedRunYear();
    const row = reportOf(year, '2026-Q2').rows[0]!;
    // April (fourth excused absence in a row) and May: 69, trung bình; January to March lie outside the quarter.
    expect(row.quality).toMatchObject({ ratedMeetings: 2, bands: { tot: 0, kha: 0, trungBinh: 2, kem: 0 }, meanScore: 69 });
    expect(reportOf(year, '2026-Q1').rows[0]!.quality).toMatchObject({ ratedMeetings: 3, bands: { kha: 3 }, meanScore: 70 });
  });
});

describe('the quality columns in the report’s formats', () => {
  it('CSV and the CLI table carry them when a meeting was rated', async () => {
    const { reportCsvText } = await import('../../../shared/reports/report-csv.ts');
    const { reportTable } = await import('../../../cli/report-formats.ts');
    const report = reportOf([held(5, FULL), held(12, { conduct: 20 })]);
    const [vi, , row] = reportCsvText(report).split('\n');
    expect(vi!.split(',').slice(-7)).toEqual(['Số buổi được chấm điểm', 'Xếp loại tốt (%)', 'Xếp loại khá (%)', 'Xếp loại trung bình (%)', 'Xếp loại kém (%)', 'Điểm chất lượng bình quân', 'Tiêu chí hay bị trừ điểm']);
    expect(row!.split(',').slice(-7)).toEqual(['2', '50', '0', '0', '50', '65', 'điều hành của chủ trì (1); kết thúc sinh hoạt (1); tiến hành sinh hoạt (1)']);
    expect(reportTable(report)).toContain('Đảng bộ xã X: 2 buổi chấm điểm / scored; 50% / 0% / 0% / 50%; 65 điểm; hay bị trừ điểm / most missed: điều hành của chủ trì (1)');
  });

  it('a report without rated meetings keeps its columns', async () => {
    const { reportCsvText } = await import('../../../shared/reports/report-csv.ts');
    const header = reportCsvText(reportOf([held(45, null)])).split('\n')[0]!;
    expect(header.split(',')).toEqual(REPORT_COLUMNS.map((c) => c.vi));
  });
});
