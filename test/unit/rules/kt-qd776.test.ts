/** kt-qd776 (Kon Tum Quy định 776-QĐ/TU): yearly quotas of visits to residential cells, reminded 60 days before the year ends. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/contract/findings.ts';
import { buildOrg, evaluate, meeting, only, packs } from '../../support/builders.ts';
import { FROM_2026, core, single } from '../../support/scenarios.ts';

const PROVINCIAL = 'kt-qd776/provincial-yearly';
const DISTRICT = 'kt-qd776/district-yearly';
const COMMUNE = 'kt-qd776/commune-yearly';
const CITATION = 'Quy định 776-QĐ/TU (Kon Tum, 16/1/2023)';
const YEAR_CLOSED = '2027-01-04T00:00:00+07:00';
const PACKS = packs('kt-qd776');

/**
 * KT (province) ─ KT.D (district) ─ KT.D.X (commune): R1…R7 residential cells, AG agency cell
 *              └ KT.Y (commune directly under the province): R1 residential
 */
const residential = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7'];
const org = buildOrg({
  units: [
    { id: 'KT', name: 'Đảng bộ tỉnh Kon Tum', kind: 'province', parentId: null },
    { id: 'KT.D', name: 'Đảng bộ huyện Đắk Hà', kind: 'district', parentId: 'KT' },
    { id: 'KT.D.X', name: 'Đảng bộ xã Hà Mòn', kind: 'grassroots', grassrootsType: 'commune', parentId: 'KT.D' },
    ...residential.map((r) => ({ id: `KT.D.X.${r}`, name: `Chi bộ thôn ${r}`, kind: 'cell', cellType: 'residential', parentId: 'KT.D.X' })),
    { id: 'KT.D.X.AG', name: 'Chi bộ trạm y tế', kind: 'cell', cellType: 'public_service', parentId: 'KT.D.X' },
    { id: 'KT.Y', name: 'Đảng bộ xã Ya Ly', kind: 'grassroots', grassrootsType: 'commune', parentId: 'KT' },
    { id: 'KT.Y.R1', name: 'Chi bộ thôn 1 Ya Ly', kind: 'cell', cellType: 'residential', parentId: 'KT.Y' },
  ],
  members: [{ id: 'R1-1', name: 'A Thắng', cellId: 'KT.D.X.R1' }],
  leaders: [
    { id: 'P-1', name: 'Tỉnh ủy viên', positions: [{ unitId: 'KT', role: 'executive_committee' }], assignments: [{ unitId: 'KT.D.X', from: '2023-01-01' }] },
    { id: 'H-1', name: 'Huyện ủy viên', positions: [{ unitId: 'KT.D', role: 'executive_committee' }], assignments: [{ unitId: 'KT.D', from: '2023-01-01' }] },
    {
      id: 'X-1',
      name: 'Đảng ủy viên xã',
      memberId: 'R1-1',
      positions: [{ unitId: 'KT.D.X', role: 'executive_committee' }],
      assignments: [{ unitId: 'KT.D.X', from: '2023-01-01' }],
    },
  ],
});

let n = 0;
const visit = (unitId: string, heldAt: string, leaders: string[], meetingId = `k-${++n}`) =>
  meeting({ meetingId, unitId, heldAt, kind: 'regular', attendance: [], visitingLeaderIds: leaders });
const of = (findings: Finding[], ruleId: string, leaderId: string) => only(findings, ruleId).filter((f) => f.subject.id === leaderId);

describe('kt-qd776/provincial-yearly (2 a year)', () => {
  const at = (events: Parameters<typeof evaluate>[1], instant = YEAR_CLOSED) => of(evaluate(org, events, PACKS, instant, FROM_2026), PROVINCIAL, 'P-1');

  it('one visit in 2026: a violation for the year, one still owed, the visit as evidence', () => {
    const f = single(at([visit('KT.D.X.R2', '2026-05-10T19:30:00+07:00', ['P-1'], 'p-1')]));
    expect(core(f)).toEqual({
      kind: 'violation',
      ruleId: PROVINCIAL,
      subject: { type: 'leader', id: 'P-1' },
      period: '2026',
      dueBy: '2026-12-31T23:59:59+07:00',
      missing: { meetings: 1 },
      evidence: ['p-1'],
      recipients: ['P-1', 'ubkt:KT'],
    });
    expect(f.citation).toBe(CITATION);
    expect(f.message.vi).toBe(
      'Đồng chí Tỉnh ủy viên chưa dự đủ số buổi sinh hoạt chi bộ khu dân cư năm 2026: còn thiếu 1 lần dự sinh hoạt với chi bộ khu dân cư (Quy định 776-QĐ/TU)',
    );
  });

  it('two visits meet it', () => {
    expect(at([visit('KT.D.X.R2', '2026-05-10T19:30:00+07:00', ['P-1']), visit('KT.D.X.R3', '2026-09-10T19:30:00+07:00', ['P-1'])])).toEqual([]);
  });

  it('a visit to a non-residential cell, or outside the assignment, does not count', () => {
    const events = [visit('KT.D.X.R2', '2026-05-10T19:30:00+07:00', ['P-1'], 'p-ok'), visit('KT.D.X.AG', '2026-06-10T19:30:00+07:00', ['P-1']), visit('KT.Y.R1', '2026-07-10T19:30:00+07:00', ['P-1'])];
    expect(at(events).map((f) => [f.missing, f.evidence])).toEqual([[{ meetings: 1 }, ['p-ok']]]);
  });

  it('a visit at 17:30Z on 31 December 2026 is in 2027', () => {
    const events = [visit('KT.D.X.R2', '2026-05-10T19:30:00+07:00', ['P-1']), visit('KT.D.X.R3', '2026-12-31T17:30:00Z', ['P-1'])];
    expect(at(events).map((f) => `${f.kind} ${f.period} ${JSON.stringify(f.missing)}`)).toEqual(['violation 2026 {"meetings":1}']);
  });

  it('grace: nothing one minute before end + 3 days', () => {
    expect(at([], '2027-01-03T23:59:00+07:00')).toEqual([]);
  });

  it('reminds the leader alone from 60 days before the year ends (2 November), not a minute earlier', () => {
    const f = single(at([], '2026-11-02T00:00:00+07:00'));
    expect(core(f)).toEqual({
      kind: 'reminder',
      ruleId: PROVINCIAL,
      subject: { type: 'leader', id: 'P-1' },
      period: '2026',
      dueBy: '2026-12-31T23:59:59+07:00',
      missing: { meetings: 2 },
      evidence: [],
      recipients: ['P-1'],
    });
    expect(f.message.vi).toContain('hạn cuối 31/12/2026 (Quy định 776-QĐ/TU)');
    expect(at([], '2026-11-01T23:59:00+07:00')).toEqual([]);
  });
});

describe('kt-qd776/commune-yearly (6 a year, own cell excluded)', () => {
  const at = (events: Parameters<typeof evaluate>[1], instant = YEAR_CLOSED) => of(evaluate(org, events, PACKS, instant, FROM_2026), COMMUNE, 'X-1');
  const months = ['02', '03', '04', '05', '06', '07'];

  it('six visits, one of them to the leader’s own cell: one still owed, the own-cell meeting not in evidence', () => {
    const events = residential.slice(0, 6).map((r, i) => visit(`KT.D.X.${r}`, `2026-${months[i]}-10T19:30:00+07:00`, ['X-1'], `c-${r}`));
    const f = single(at(events));
    expect(core(f)).toEqual({
      kind: 'violation',
      ruleId: COMMUNE,
      subject: { type: 'leader', id: 'X-1' },
      period: '2026',
      dueBy: '2026-12-31T23:59:59+07:00',
      missing: { meetings: 1 },
      evidence: ['c-R2', 'c-R3', 'c-R4', 'c-R5', 'c-R6'],
      recipients: ['X-1', 'ubkt:KT.D.X'],
    });
    expect(f.citation).toBe(CITATION);
  });

  it('six visits to other residential cells meet it', () => {
    const events = residential.slice(1, 7).map((r, i) => visit(`KT.D.X.${r}`, `2026-${months[i]}-10T19:30:00+07:00`, ['X-1']));
    expect(at(events)).toEqual([]);
  });

  it('five visits: one owed; reminder at 2 November with the five as evidence', () => {
    const events = residential.slice(1, 6).map((r, i) => visit(`KT.D.X.${r}`, `2026-${months[i]}-10T19:30:00+07:00`, ['X-1'], `c-${r}`));
    const f = single(at(events, '2026-11-02T00:00:00+07:00'));
    expect([f.kind, f.missing, f.evidence, f.recipients]).toEqual(['reminder', { meetings: 1 }, ['c-R2', 'c-R3', 'c-R4', 'c-R5', 'c-R6'], ['X-1']]);
  });

  it('binds executive committee members of a commune only', () => {
    const bound = [...new Set(only(evaluate(org, [], PACKS, YEAR_CLOSED, FROM_2026), COMMUNE).map((f) => f.subject.id))];
    expect(bound).toEqual(['X-1']);
  });
});

describe('kt-qd776/district-yearly (6 a year, validTo 2025-06-30)', () => {
  it('applies to 2024, which ends before 2025-06-30', () => {
    const events = residential.slice(0, 5).map((r, i) => visit(`KT.D.X.${r}`, `2024-0${i + 2}-10T19:30:00+07:00`, ['H-1'], `h-${r}`));
    const f = single(of(evaluate(org, events, PACKS, '2025-01-04T00:00:00+07:00', '2024-01-01T00:00:00+07:00'), DISTRICT, 'H-1'));
    expect(core(f)).toEqual({
      kind: 'violation',
      ruleId: DISTRICT,
      subject: { type: 'leader', id: 'H-1' },
      period: '2024',
      dueBy: '2024-12-31T23:59:59+07:00',
      missing: { meetings: 1 },
      evidence: ['h-R1', 'h-R2', 'h-R3', 'h-R4', 'h-R5'],
      recipients: ['H-1', 'ubkt:KT.D'],
    });
  });

  it('does not apply to 2025, which ends after 2025-06-30: neither violation nor reminder (the provincial rule still does)', () => {
    const closed = evaluate(org, [], PACKS, '2026-01-04T00:00:00+07:00', '2025-01-01T00:00:00+07:00');
    expect(only(closed, DISTRICT)).toEqual([]);
    expect(of(closed, PROVINCIAL, 'P-1').map((f) => `${f.kind} ${f.period}`)).toEqual(['violation 2025']);
    const reminding = evaluate(org, [], PACKS, '2025-11-15T00:00:00+07:00', '2025-01-01T00:00:00+07:00');
    expect(only(reminding, DISTRICT)).toEqual([]);
    expect(of(reminding, PROVINCIAL, 'P-1').map((f) => `${f.kind} ${f.period}`)).toEqual(['reminder 2025']);
  });
});
