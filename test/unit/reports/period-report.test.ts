/** The period report's counting rules, on hand-made ledger entries: months not begun, inactive cells, exempted members, withdrawn and out-of-period violations. */
import { describe, expect, it } from 'vitest';
import { instantMs } from '../../../shared/calendar/period.ts';
import type { Finding } from '../../../shared/contract/findings.ts';
import type { Evidence } from '../../../shared/ledger/ledger.ts';
import type { StoredEntry } from '../../../shared/ports/ledger-store.ts';
import { BUILT_IN_PACKS } from '../../../shared/rules/packs/index.ts';
import type { Rule } from '../../../shared/rules/rule-pack.ts';
import { periodReport } from '../../../shared/reports/period-report.ts';
import { buildOrg, exampleOrgJson } from '../../support/builders.ts';

const RULES: ReadonlyMap<string, Rule> = new Map([...BUILT_IN_PACKS.values()].flatMap((p) => p.rules.map((r) => [r.id, r] as const)));
const org = buildOrg(exampleOrgJson() as never);

function entry(ruleId: string, subjectId: string, period: string, status: 'open' | 'met' | null, meetings: Record<string, { heldAt: string; present?: number; eligible?: number }> = {}): StoredEntry {
  const registers = new Map(
    Object.entries(meetings).map(([id, m]) => {
      const heldAt = instantMs(m.heldAt);
      const evidence: Evidence = m.present === undefined ? { heldAt } : { heldAt, excused: [], present: m.present, eligible: m.eligible! };
      return [id, { version: 1, eventId: `e-${id}`, unitId: subjectId, heldAt, kind: 'regular' as const, slots: { s: evidence } }];
    }),
  );
  const type = subjectId.startsWith('L') && !subjectId.startsWith('LC') ? ('leader' as const) : ('cell' as const);
  return { ruleId, subject: { type, id: subjectId }, period, rev: 1, registers, followUps: new Map(), saved: { raised: {}, status, attentionAt: null, view: null } };
}

const violation = (ruleId: string, type: Finding['subject']['type'], id: string, period: string): Finding =>
  ({ kind: 'violation', ruleId, subject: { type, id }, period, dueBy: null, missing: {}, evidence: [], recipients: [], message: { vi: '', en: '' }, citation: '' }) as unknown as Finding;

const report = (entries: StoredEntry[], findings: Finding[] = [], asOf = '2026-04-04T00:00:00+07:00', period = '2026-Q1') =>
  periodReport({ org, unitId: 'LC.NL', period, asOf: instantMs(asOf), rules: RULES, entries, findings }).rows[0]!;

describe('period report', () => {
  it('a cell meets every month only when each month begun so far is met', () => {
    const months = (cell: string, statuses: Array<'open' | 'met'>) => statuses.map((s, i) => entry('dieu-le/monthly-regular-meeting', cell, `2026-0${i + 1}`, s));
    const entries = [...months('LC.NL.TDP2', ['met', 'met', 'met']), ...months('LC.NL.TDP5', ['met', 'open', 'met']), ...months('LC.NL.THCS', ['met', 'met', 'open'])];
    expect(report(entries)).toMatchObject({ cells: 3, cellsMeetingEveryMonth: 1 });
    // On 15 February, March has not begun: THCS's open March does not count against it.
    expect(report(entries, [], '2026-02-15T00:00:00+07:00')).toMatchObject({ cellsMeetingEveryMonth: 2 });
    // A month with no entry at all is not met.
    expect(report(entries.filter((e) => !(e.subject.id === 'LC.NL.TDP2' && e.period === '2026-02')))).toMatchObject({ cellsMeetingEveryMonth: 0 });
  });

  it('attendance is the mean of each meeting’s present ÷ eligible, for meetings held in the period only', () => {
    const streak = entry('dieu-le/excused-absence-streak', 'LC.NL.TDP2', '2026', null, {
      a: { heldAt: '2026-01-08T19:30:00+07:00', present: 4, eligible: 5 },
      b: { heldAt: '2026-02-06T19:30:00+07:00', present: 3, eligible: 3 },
      c: { heldAt: '2026-04-06T19:30:00+07:00', present: 1, eligible: 5 },
      d: { heldAt: '2026-03-06T19:30:00+07:00', present: 0, eligible: 0 },
    });
    expect(report([streak])).toMatchObject({ meetings: 2, meanAttendancePercent: 90 });
    expect(report([])).toMatchObject({ meetings: 0, meanAttendancePercent: null });
  });

  it('a thematic meeting counts in the period it was held, whatever the entry’s period', () => {
    const thematic = entry('dieu-le/quarterly-thematic-meeting', 'LC.NL.THCS', '2026-Q1', 'met', { t: { heldAt: '2026-03-10T19:30:00+07:00' } });
    expect(report([thematic])).toMatchObject({ cellsWithThematicMeeting: 1 });
    expect(report([thematic], [], '2026-04-04T00:00:00+07:00', '2026-02')).toMatchObject({ cellsWithThematicMeeting: 0 });
    expect(report([thematic], [], '2026-04-04T00:00:00+07:00', '2026-03')).toMatchObject({ cellsWithThematicMeeting: 1 });
  });

  it('a leader meets their quota only when every quota of the period is met, and counts where they hold a position', () => {
    const quota = (period: string, status: 'open' | 'met') => entry('yb-qd18/commune-monthly', 'L-xa', period, status);
    expect(report([quota('2026-01', 'met'), quota('2026-02', 'met')])).toMatchObject({ leadersMet: 1, leadersUnmet: [] });
    expect(report([quota('2026-01', 'met'), quota('2026-02', 'open')]).leadersUnmet.map((l) => l.leaderId)).toEqual(['L-xa']);
    // L-tv's position is the province: not in the ward's report.
    expect(report([entry('yb-qd18/provincial-standing-quarterly', 'L-tv', '2026-Q1', 'open')])).toMatchObject({ leadersMet: 0, leadersUnmet: [] });
  });

  it('counts the violations of the period placed in the subtree, and not alerts or other periods', () => {
    const findings = [
      violation('dieu-le/monthly-regular-meeting', 'cell', 'LC.NL.TDP5', '2026-02'),
      violation('yb-qd18/commune-monthly', 'leader', 'L-xa', '2026-03'),
      violation('dieu-le/monthly-regular-meeting', 'cell', 'LC.NL.TDP5', '2025-12'),
      { ...violation('dieu-le/attendance-rate', 'meeting', 'TDP2-01', '2026-01'), kind: 'alert' } as Finding,
      violation('yb-qd18/provincial-standing-quarterly', 'leader', 'L-tv', '2026-Q1'),
    ];
    expect(report([], findings)).toMatchObject({ openViolations: 2 });
  });
});
