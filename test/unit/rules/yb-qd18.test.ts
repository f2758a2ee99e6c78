/**
 * yb-qd18 (Yên Bái Quy định 18-QĐ/TU): leaders' visits (dự sinh hoạt) to
 * residential cells and grassroots committees inside their assigned subtree.
 */
import { describe, expect, it } from 'vitest';
import type { MeetingKind } from '../../../shared/contract/events.ts';
import type { Finding } from '../../../shared/contract/findings.ts';
import { buildOrg, evaluate, meeting, only, packs } from '../../support/builders.ts';
import { FROM_2026, core, single } from '../../support/scenarios.ts';

const STANDING = 'yb-qd18/provincial-standing-quarterly';
const COMMUNE_Q = 'yb-qd18/provincial-commune-quarterly';
const DISTRICT = 'yb-qd18/district-quarterly';
const MONTHLY = 'yb-qd18/commune-monthly';
const CITATION = 'Quy định 18-QĐ/TU (Yên Bái, 16/4/2019)';
const Q1_CLOSED = '2026-04-04T00:00:00+07:00';
const PACKS = packs('yb-qd18');

/**
 * YB (province)
 * ├─ YB.NL (district)
 * │  ├─ YB.NL.PT (commune, especially_difficult): T1, T2 (residential), SCH (agency cell)
 * │  ├─ YB.NL.TT (commune): T1 (residential)
 * │  └─ YB.NL.CQ (agency grassroots): C1 (agency cell)
 * └─ YB.MC (commune directly under the province): T1 (residential)
 */
const org = buildOrg({
  units: [
    { id: 'YB', name: 'Đảng bộ tỉnh Yên Bái', kind: 'province', parentId: null },
    { id: 'YB.NL', name: 'Đảng bộ thị xã Nghĩa Lộ', kind: 'district', parentId: 'YB' },
    { id: 'YB.NL.PT', name: 'Đảng bộ phường Pú Trạng', kind: 'grassroots', grassrootsType: 'commune', tags: ['especially_difficult'], parentId: 'YB.NL' },
    { id: 'YB.NL.PT.T1', name: 'Chi bộ tổ dân phố 1', kind: 'cell', cellType: 'residential', parentId: 'YB.NL.PT' },
    { id: 'YB.NL.PT.T2', name: 'Chi bộ tổ dân phố 2', kind: 'cell', cellType: 'residential', parentId: 'YB.NL.PT' },
    { id: 'YB.NL.PT.SCH', name: 'Chi bộ trường tiểu học', kind: 'cell', cellType: 'agency', parentId: 'YB.NL.PT' },
    { id: 'YB.NL.TT', name: 'Đảng bộ xã Tân Thịnh', kind: 'grassroots', grassrootsType: 'commune', parentId: 'YB.NL' },
    { id: 'YB.NL.TT.T1', name: 'Chi bộ thôn 1', kind: 'cell', cellType: 'residential', parentId: 'YB.NL.TT' },
    { id: 'YB.NL.CQ', name: 'Đảng bộ cơ quan thị xã', kind: 'grassroots', grassrootsType: 'agency', parentId: 'YB.NL' },
    { id: 'YB.NL.CQ.C1', name: 'Chi bộ văn phòng', kind: 'cell', cellType: 'agency', parentId: 'YB.NL.CQ' },
    { id: 'YB.MC', name: 'Đảng bộ xã Mù Cang Chải', kind: 'grassroots', grassrootsType: 'commune', parentId: 'YB' },
    { id: 'YB.MC.T1', name: 'Chi bộ bản 1', kind: 'cell', cellType: 'residential', parentId: 'YB.MC' },
  ],
  members: [{ id: 'T1-1', name: 'Lò Văn Páo', cellId: 'YB.NL.PT.T1' }],
  leaders: [
    {
      id: 'L-tv',
      name: 'Ủy viên BTV Tỉnh ủy',
      positions: [{ unitId: 'YB', role: 'standing_committee' }],
      assignments: [
        { unitId: 'YB.NL.PT', from: '2019-01-01' },
        { unitId: 'YB.NL.CQ', from: '2026-03-15' },
      ],
    },
    {
      id: 'L-ut',
      name: 'Tỉnh ủy viên',
      positions: [{ unitId: 'YB', role: 'executive_committee' }],
      assignments: [
        { unitId: 'YB.NL.PT', from: '2019-01-01' },
        { unitId: 'YB.NL.TT', from: '2019-01-01' },
      ],
    },
    { id: 'L-ah', name: 'Giám đốc sở', positions: [{ unitId: 'YB', role: 'agency_head' }], assignments: [{ unitId: 'YB.NL.PT', from: '2026-01-01' }] },
    { id: 'L-nt', name: 'Tỉnh ủy viên khác', positions: [{ unitId: 'YB', role: 'executive_committee' }], assignments: [{ unitId: 'YB.NL.TT', from: '2019-01-01' }] },
    { id: 'L-hd', name: 'Ủy viên BTV Thị ủy', positions: [{ unitId: 'YB.NL', role: 'standing_committee' }], assignments: [{ unitId: 'YB.NL', from: '2019-01-01' }] },
    {
      id: 'L-xa',
      name: 'Ủy viên BTV Đảng ủy phường',
      memberId: 'T1-1',
      positions: [{ unitId: 'YB.NL.PT', role: 'standing_committee' }],
      assignments: [{ unitId: 'YB.NL.PT', from: '2019-01-01' }],
    },
    { id: 'L-xe', name: 'Đảng ủy viên phường', positions: [{ unitId: 'YB.NL.PT', role: 'executive_committee' }], assignments: [{ unitId: 'YB.NL.PT', from: '2019-01-01' }] },
  ],
});

let n = 0;
function visit(unitId: string, heldAt: string, leaders: string[], kind: MeetingKind = 'regular', meetingId = `v-${++n}`) {
  return meeting({ meetingId, unitId, heldAt, kind, attendance: [], visitingLeaderIds: leaders });
}
const of = (findings: Finding[], ruleId: string, leaderId: string) => only(findings, ruleId).filter((f) => f.subject.id === leaderId);

describe('yb-qd18/provincial-standing-quarterly', () => {
  const at = (events: Parameters<typeof evaluate>[1], instant = Q1_CLOSED) => of(evaluate(org, events, PACKS, instant, FROM_2026), STANDING, 'L-tv');

  it('no visit in the quarter: a violation to the leader and the province’s inspection committee', () => {
    const f = single(at([]));
    expect(core(f)).toEqual({
      kind: 'violation',
      ruleId: STANDING,
      subject: { type: 'leader', id: 'L-tv' },
      period: '2026-Q1',
      dueBy: '2026-03-31T23:59:59+07:00',
      missing: { meetings: 1 },
      evidence: [],
      recipients: ['L-tv', 'ubkt:YB'],
    });
    expect(f.citation).toBe(CITATION);
    expect(f.message.vi).toBe(
      'Đồng chí Ủy viên BTV Tỉnh ủy chưa thực hiện đủ việc dự sinh hoạt quý I/2026: còn thiếu 1 lần dự sinh hoạt với đảng ủy cơ sở hoặc chi bộ khu dân cư (Quy định 18-QĐ/TU)',
    );
  });

  it('met by a residential cell meeting of any kind in the assigned subtree', () => {
    expect(at([visit('YB.NL.PT.T1', '2026-02-10T19:30:00+07:00', ['L-tv'])])).toEqual([]);
    expect(at([visit('YB.NL.PT.T2', '2026-02-10T19:30:00+07:00', ['L-tv'], 'cell_committee')])).toEqual([]);
  });

  it('met by a committee meeting of a commune grassroots unit in the assigned subtree', () => {
    expect(at([visit('YB.NL.PT', '2026-02-10T08:00:00+07:00', ['L-tv'], 'committee')])).toEqual([]);
  });

  it('met by a committee meeting of a non-commune grassroots unit (any grassroots unit)', () => {
    expect(at([visit('YB.NL.CQ', '2026-03-20T08:00:00+07:00', ['L-tv'], 'committee')])).toEqual([]);
  });

  it('not met by: an agency cell, a non-committee meeting at the grassroots unit, a cell outside the subtree, a meeting the leader did not attend', () => {
    const notCounting = [
      visit('YB.NL.PT.SCH', '2026-02-10T19:30:00+07:00', ['L-tv']),
      visit('YB.NL.PT', '2026-02-11T08:00:00+07:00', ['L-tv'], 'extraordinary'),
      visit('YB.NL.TT.T1', '2026-02-12T19:30:00+07:00', ['L-tv']),
      visit('YB.MC.T1', '2026-02-13T19:30:00+07:00', ['L-tv']),
      visit('YB.NL.PT.T1', '2026-02-14T19:30:00+07:00', ['L-xa']),
    ];
    expect(at(notCounting).map((f) => [f.kind, f.period, f.missing, f.evidence])).toEqual([['violation', '2026-Q1', { meetings: 1 }, []]]);
  });

  it('a visit before the assignment’s first day does not count; from that day it does', () => {
    // L-tv is assigned to YB.NL.CQ from 15 March
    expect(at([visit('YB.NL.CQ', '2026-03-14T20:00:00+07:00', ['L-tv'], 'committee')]).map((f) => f.evidence)).toEqual([[]]);
    // 17:30Z on 14 March is 00:30 on 15 March in Vietnam
    expect(at([visit('YB.NL.CQ', '2026-03-14T17:30:00Z', ['L-tv'], 'committee')])).toEqual([]);
  });

  it('reminds the leader alone from 30 days before the quarter ends, not a minute earlier', () => {
    const f = single(at([], '2026-03-02T00:00:00+07:00'));
    expect(core(f)).toEqual({
      kind: 'reminder',
      ruleId: STANDING,
      subject: { type: 'leader', id: 'L-tv' },
      period: '2026-Q1',
      dueBy: '2026-03-31T23:59:59+07:00',
      missing: { meetings: 1 },
      evidence: [],
      recipients: ['L-tv'],
    });
    expect(f.message.vi).toContain('hạn cuối 31/03/2026 (Quy định 18-QĐ/TU)');
    expect(at([], '2026-03-01T23:59:00+07:00')).toEqual([]);
  });

  it('grace: nothing one minute before end + 3 days', () => {
    expect(at([], '2026-04-03T23:59:00+07:00')).toEqual([]);
  });

  it('a visit recorded after end + grace: the violation stands before its recordedAt and is withdrawn from it on', () => {
    const late = meeting({ unitId: 'YB.NL.PT.T1', heldAt: '2026-03-10T19:30:00+07:00', recordedAt: '2026-04-20T08:00:00+07:00', kind: 'regular', attendance: [], visitingLeaderIds: ['L-tv'] });
    expect(at([late], '2026-04-20T07:59:00+07:00').map((f) => `${f.kind} ${f.period}`)).toEqual(['violation 2026-Q1']);
    expect(at([late], '2026-04-20T08:00:00+07:00')).toEqual([]);
  });

  it('binds only standing committee members at a province unit', () => {
    const bound = new Set(only(evaluate(org, [], PACKS, Q1_CLOSED, FROM_2026), STANDING).map((f) => f.subject.id));
    expect([...bound]).toEqual(['L-tv']);
  });
});

describe('yb-qd18/provincial-commune-quarterly', () => {
  const at = (events: Parameters<typeof evaluate>[1], leader = 'L-ut', instant = Q1_CLOSED) => of(evaluate(org, events, PACKS, instant, FROM_2026), COMMUNE_Q, leader);

  it('no visit: both parts missing', () => {
    const f = single(at([]));
    expect(core(f)).toEqual({
      kind: 'violation',
      ruleId: COMMUNE_Q,
      subject: { type: 'leader', id: 'L-ut' },
      period: '2026-Q1',
      dueBy: '2026-03-31T23:59:59+07:00',
      missing: { committeeMeetings: 1, residentialCellMeetings: 1 },
      evidence: [],
      recipients: ['L-ut', 'ubkt:YB'],
    });
    expect(f.citation).toBe(CITATION);
    expect(f.message.vi).toContain('còn thiếu 1 lần dự sinh hoạt với đảng ủy xã và 1 lần dự sinh hoạt với chi bộ khu dân cư (Quy định 18-QĐ/TU)');
  });

  it('a commune committee meeting alone leaves the residential cell meeting owed', () => {
    const f = single(at([visit('YB.NL.PT', '2026-02-10T08:00:00+07:00', ['L-ut'], 'committee', 'cm-1')]));
    expect([f.kind, f.missing, f.evidence]).toEqual(['violation', { residentialCellMeetings: 1 }, ['cm-1']]);
  });

  it('one commune committee meeting and one residential cell meeting inside the especially difficult assignment meet it', () => {
    expect(at([visit('YB.NL.PT', '2026-02-10T08:00:00+07:00', ['L-ut'], 'committee'), visit('YB.NL.PT.T1', '2026-03-10T19:30:00+07:00', ['L-ut'])])).toEqual([]);
  });

  it('visits under the leader’s other (not especially difficult) assignment do not count', () => {
    const cellElsewhere = single(at([visit('YB.NL.PT', '2026-02-10T08:00:00+07:00', ['L-ut'], 'committee', 'cm-1'), visit('YB.NL.TT.T1', '2026-03-10T19:30:00+07:00', ['L-ut'])]));
    expect([cellElsewhere.missing, cellElsewhere.evidence]).toEqual([{ residentialCellMeetings: 1 }, ['cm-1']]);
    const committeeElsewhere = single(at([visit('YB.NL.TT', '2026-02-10T08:00:00+07:00', ['L-ut'], 'committee'), visit('YB.NL.PT.T1', '2026-03-10T19:30:00+07:00', ['L-ut'], 'regular', 'rc-1')]));
    expect([committeeElsewhere.missing, committeeElsewhere.evidence]).toEqual([{ committeeMeetings: 1 }, ['rc-1']]);
  });

  it('two residential cell meetings do not make up for the committee meeting', () => {
    const f = single(at([visit('YB.NL.PT.T1', '2026-02-10T19:30:00+07:00', ['L-ut'], 'regular', 'rc-1'), visit('YB.NL.PT.T2', '2026-03-10T19:30:00+07:00', ['L-ut'], 'regular', 'rc-2')]));
    expect([f.missing, f.evidence]).toEqual([{ committeeMeetings: 1 }, ['rc-1', 'rc-2']]);
  });

  it('binds agency heads with an especially difficult assignment, not executive members without one', () => {
    expect(at([], 'L-ah').map((f) => [f.kind, f.missing, f.recipients])).toEqual([['violation', { committeeMeetings: 1, residentialCellMeetings: 1 }, ['L-ah', 'ubkt:YB']]]);
    expect(at([], 'L-nt')).toEqual([]);
    expect(at([], 'L-tv')).toEqual([]);
  });

  it('reminds from 30 days before the quarter ends, naming both parts', () => {
    const f = single(at([visit('YB.NL.PT.T1', '2026-02-10T19:30:00+07:00', ['L-ut'], 'regular', 'rc-1')], 'L-ut', '2026-03-02T00:00:00+07:00'));
    expect(core(f)).toEqual({
      kind: 'reminder',
      ruleId: COMMUNE_Q,
      subject: { type: 'leader', id: 'L-ut' },
      period: '2026-Q1',
      dueBy: '2026-03-31T23:59:59+07:00',
      missing: { committeeMeetings: 1 },
      evidence: ['rc-1'],
      recipients: ['L-ut'],
    });
  });
});

describe('yb-qd18/district-quarterly (validTo 2025-06-30)', () => {
  const forHd = (events: Parameters<typeof evaluate>[1], instant: string, from: string) => of(evaluate(org, events, PACKS, instant, from), DISTRICT, 'L-hd');

  it('applies to 2025-Q2, which ends on 2025-06-30', () => {
    const f = single(forHd([], '2025-07-04T00:00:00+07:00', '2025-04-01T00:00:00+07:00'));
    expect(core(f)).toEqual({
      kind: 'violation',
      ruleId: DISTRICT,
      subject: { type: 'leader', id: 'L-hd' },
      period: '2025-Q2',
      dueBy: '2025-06-30T23:59:59+07:00',
      missing: { committeeMeetings: 1, residentialCellMeetings: 1 },
      evidence: [],
      recipients: ['L-hd', 'ubkt:YB.NL'],
    });
    expect(f.citation).toBe(CITATION);
  });

  it('is met in 2025-Q2 by a commune committee meeting and a residential cell meeting in the district', () => {
    const events = [visit('YB.NL.TT', '2025-05-10T08:00:00+07:00', ['L-hd'], 'committee'), visit('YB.NL.PT.T2', '2025-06-30T23:30:00+07:00', ['L-hd'])];
    expect(forHd(events, '2025-07-04T00:00:00+07:00', '2025-04-01T00:00:00+07:00')).toEqual([]);
  });

  it('a residential cell outside the district does not count', () => {
    const events = [visit('YB.NL.TT', '2025-05-10T08:00:00+07:00', ['L-hd'], 'committee', 'cm-d'), visit('YB.MC.T1', '2025-06-10T19:30:00+07:00', ['L-hd'])];
    expect(forHd(events, '2025-07-04T00:00:00+07:00', '2025-04-01T00:00:00+07:00').map((f) => [f.missing, f.evidence])).toEqual([[{ residentialCellMeetings: 1 }, ['cm-d']]]);
  });

  it('does not apply to 2025-Q3, which ends after 2025-06-30 (while the provincial rule does)', () => {
    const found = evaluate(org, [], PACKS, '2025-10-04T00:00:00+07:00', '2025-07-01T00:00:00+07:00');
    expect(only(found, DISTRICT)).toEqual([]);
    expect(of(found, STANDING, 'L-tv').map((f) => `${f.kind} ${f.period}`)).toEqual(['violation 2025-Q3']);
    // nor a reminder inside Q3
    const reminders = evaluate(org, [], PACKS, '2025-09-15T00:00:00+07:00', '2025-07-01T00:00:00+07:00');
    expect(only(reminders, DISTRICT)).toEqual([]);
    expect(of(reminders, STANDING, 'L-tv').map((f) => `${f.kind} ${f.period}`)).toEqual(['reminder 2025-Q3']);
  });

  it('over 2025: Q1 and Q2 owed, Q3 and Q4 not', () => {
    const found = forHd([], '2026-01-04T00:00:00+07:00', '2025-01-01T00:00:00+07:00');
    expect(found.map((f) => `${f.kind} ${f.period}`)).toEqual(['violation 2025-Q1', 'violation 2025-Q2']);
  });
});

describe('yb-qd18/commune-monthly', () => {
  const from = '2026-03-01T00:00:00+07:00';
  const at = (events: Parameters<typeof evaluate>[1], leader: string, instant = Q1_CLOSED) => of(evaluate(org, events, PACKS, instant, from), MONTHLY, leader);

  it('a visit to the leader’s own cell does not count (it does for another leader at the same meeting)', () => {
    const ownCell = visit('YB.NL.PT.T1', '2026-03-10T19:30:00+07:00', ['L-xa', 'L-xe'], 'regular', 'own');
    const f = single(at([ownCell], 'L-xa'));
    expect(core(f)).toEqual({
      kind: 'violation',
      ruleId: MONTHLY,
      subject: { type: 'leader', id: 'L-xa' },
      period: '2026-03',
      dueBy: '2026-03-31T23:59:59+07:00',
      missing: { meetings: 1 },
      evidence: [],
      recipients: ['L-xa', 'ubkt:YB.NL.PT'],
    });
    expect(f.citation).toBe(CITATION);
    expect(f.message.vi).toContain('còn thiếu 1 lần dự sinh hoạt với chi bộ khu dân cư (Quy định 18-QĐ/TU)');
    expect(at([ownCell], 'L-xe')).toEqual([]);
  });

  it('a visit to another residential cell of the commune meets it', () => {
    expect(at([visit('YB.NL.PT.T2', '2026-03-10T19:30:00+07:00', ['L-xa'])], 'L-xa')).toEqual([]);
  });

  it('an agency cell, or a residential cell of another commune, does not count', () => {
    const events = [visit('YB.NL.PT.SCH', '2026-03-10T19:30:00+07:00', ['L-xa']), visit('YB.NL.TT.T1', '2026-03-11T19:30:00+07:00', ['L-xa'])];
    expect(at(events, 'L-xa').map((f) => [f.kind, f.period, f.evidence])).toEqual([['violation', '2026-03', []]]);
  });

  it('a visit at 17:30Z on 31 March counts for April, not March', () => {
    const found = at([visit('YB.NL.PT.T2', '2026-03-31T17:30:00Z', ['L-xa'], 'regular', 'apr')], 'L-xa', '2026-05-04T00:00:00+07:00');
    expect(found.map((f) => `${f.kind} ${f.period}`)).toEqual(['violation 2026-03']);
  });

  it('reminds the leader alone from 10 days before the month ends, not a minute earlier', () => {
    const f = single(at([], 'L-xa', '2026-03-22T00:00:00+07:00'));
    expect([f.kind, f.period, f.missing, f.recipients, f.dueBy]).toEqual(['reminder', '2026-03', { meetings: 1 }, ['L-xa'], '2026-03-31T23:59:59+07:00']);
    expect(at([], 'L-xa', '2026-03-21T23:59:00+07:00')).toEqual([]);
  });

  it('binds standing and executive committee members of a commune, not provincial or district leaders', () => {
    const bound = [...new Set(only(evaluate(org, [], PACKS, Q1_CLOSED, from), MONTHLY).map((f) => f.subject.id))].sort();
    expect(bound).toEqual(['L-xa', 'L-xe']);
  });
});
