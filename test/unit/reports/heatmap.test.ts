/** The heatmap's statuses on hand-made entries and findings: the worst wins, an excuse counts apart, months not begun and alerts do not colour. */
import { describe, expect, it } from 'vitest';
import { instantMs } from '../../../shared/calendar/period.ts';
import type { Decision } from '../../../shared/contract/decisions.ts';
import { findingIdentity, type Finding } from '../../../shared/contract/findings.ts';
import type { StoredEntry } from '../../../shared/ports/ledger-store.ts';
import { RULES } from '../../../shared/rules/rule-index.ts';
import { heatmap } from '../../../shared/reports/heatmap.ts';
import { buildOrg, exampleOrgJson } from '../../support/builders.ts';

const org = buildOrg(exampleOrgJson() as never);

const monthly = (cellId: string, period: string, status: 'open' | 'met'): StoredEntry => ({
  ruleId: 'dieu-le/monthly-regular-meeting',
  subject: { type: 'cell', id: cellId },
  period,
  rev: 1,
  registers: new Map(),
  followUps: new Map(),
  saved: { raised: {}, status, attentionAt: null, view: null },
});
const finding = (kind: Finding['kind'], type: Finding['subject']['type'], id: string, period: string): Finding =>
  ({ kind, ruleId: 'dieu-le/monthly-regular-meeting', subject: { type, id }, period, dueBy: null, missing: {}, evidence: [], recipients: [], message: { vi: '', en: '' }, citation: '' }) as Finding;
const excuse: Decision = { action: 'excuse', by: 'ubkt', at: '2026-04-04T00:00:00.000Z', reason: 'lũ' };

const statuses = (entries: StoredEntry[], findings: Finding[], decisions = new Map<string, Decision[]>(), asOf = '2026-04-04T00:00:00+07:00') => {
  const map = heatmap({ org, unitId: 'LC.NL', period: '2026-Q1', asOf: instantMs(asOf), rules: RULES, entries, findings, decisions });
  return Object.fromEntries(map.rows.map((r) => [r.unitId, Object.values(r.months).map((m) => m.status).join(' ')]));
};

const allMet = ['LC.NL.TDP2', 'LC.NL.TDP5', 'LC.NL.THCS'].flatMap((c) => ['2026-01', '2026-02', '2026-03'].map((m) => monthly(c, m, 'met')));

describe('heatmap', () => {
  it('a cell’s month: violation over reminder over met; an unmet month with nothing raised is open', () => {
    const entries = allMet.map((e) => (e.subject.id === 'LC.NL.TDP5' && e.period === '2026-03' ? { ...e, saved: { ...e.saved, status: 'open' as const } } : e));
    const found = [finding('violation', 'cell', 'LC.NL.TDP2', '2026-01'), finding('reminder', 'cell', 'LC.NL.TDP2', '2026-01'), finding('reminder', 'cell', 'LC.NL.THCS', '2026-02')];
    expect(statuses(entries, found)).toEqual({
      'LC.NL': 'violation reminder open',
      'LC.NL.TDP2': 'violation met met',
      'LC.NL.TDP5': 'met met open',
      'LC.NL.THCS': 'met reminder met',
    });
  });

  it('a member’s violation colours its cell; alerts and quarterly findings do not colour a month', () => {
    const member = org.snapshot.members.find((m) => m.cellId === 'LC.NL.THCS')!;
    const found = [finding('violation', 'member', member.id, '2026-02'), finding('alert', 'cell', 'LC.NL.TDP2', '2026-01'), finding('violation', 'cell', 'LC.NL.TDP5', '2026-Q1')];
    expect(statuses(allMet, found)).toMatchObject({ 'LC.NL.THCS': 'met violation met', 'LC.NL.TDP2': 'met met met', 'LC.NL.TDP5': 'met met met' });
  });

  it('an excused violation is excused; a unit counts its cells by status', () => {
    const v = finding('violation', 'cell', 'LC.NL.TDP5', '2026-02');
    expect(statuses(allMet, [v], new Map([[findingIdentity(v), [excuse]]]))).toMatchObject({ 'LC.NL': 'met excused met', 'LC.NL.TDP5': 'met excused met' });
    const map = heatmap({ org, unitId: 'LC.NL', period: '2026-Q1', asOf: instantMs('2026-04-04T00:00:00+07:00'), rules: RULES, entries: allMet, findings: [v], decisions: new Map() });
    expect(map.rows[0]!.months['2026-02']!.counts).toEqual({ violation: 1, met: 2 });
  });

  it('months not begun at the instant are future, whatever is stored', () => {
    expect(statuses(allMet, [], new Map(), '2026-02-10T00:00:00+07:00')).toMatchObject({ 'LC.NL.TDP2': 'met met future', 'LC.NL': 'met met future' });
  });
});
