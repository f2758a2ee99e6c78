/**
 * dieu-le/member-unexcused-absence (unexcused-absence-months) and
 * dieu-le/excused-absence-streak (excused-absence-streak): member rules that
 * need an explicit status at regular/combined meetings of the member's cell.
 */
import { describe, expect, it } from 'vitest';
import type { MeetingKind } from '../../../shared/contract/events.ts';
import { attendance, evaluate, keysOf, meeting, only, packs } from '../../support/builders.ts';
import { A_WITH_UBKT, EXEMPT_2026, FROM_2026, core, ids, membersOf, oneCellOrg, single } from '../../support/scenarios.ts';

const UNEXCUSED = 'dieu-le/member-unexcused-absence';
const STREAK = 'dieu-le/excused-absence-streak';
const AT = '2026-12-31T00:00:00+07:00';

const A = ids('A', 5); // A05 is exempted for 2026
const B = ids('B', 3);
const org = oneCellOrg(membersOf('P.X.A', A, { A05: EXEMPT_2026 }), {}, [
  { id: 'P.X.B', name: 'Chi bộ thôn B', kind: 'cell', cellType: 'residential', parentId: 'P.X' },
]);
const orgB = membersOf('P.X.B', B);
const twoCells = oneCellOrg([...membersOf('P.X.A', A, { A05: EXEMPT_2026 }), ...orgB], {}, [
  { id: 'P.X.B', name: 'Chi bộ thôn B', kind: 'cell', cellType: 'residential', parentId: 'P.X' },
]);

type Status = 'absent' | 'excused' | 'missing';
/** A meeting of cell A on a local date, all present except `others`. */
function atA(meetingId: string, date: string, others: Record<string, Status>, kind: MeetingKind = 'regular') {
  return meeting({ meetingId, unitId: 'P.X.A', heldAt: `${date}T19:30:00+07:00`, kind, attendance: attendance(A, others) });
}

describe('dieu-le/member-unexcused-absence', () => {
  it('absent in 3 distinct months of the year: one alert for the member-year', () => {
    const events = [atA('jan', '2026-01-10', { A01: 'absent' }), atA('feb', '2026-02-10', { A01: 'absent' }), atA('mar', '2026-03-10', { A01: 'absent' })];
    const f = single(only(evaluate(org, events, packs(), AT, FROM_2026), UNEXCUSED));
    expect(core(f)).toEqual({
      kind: 'alert',
      ruleId: UNEXCUSED,
      subject: { type: 'member', id: 'A01' },
      period: '2026',
      dueBy: null,
      missing: {},
      evidence: ['jan', 'feb', 'mar'],
      recipients: A_WITH_UBKT,
    });
    expect(f.citation).toBe('Điều lệ Đảng, Điều 8 (19/1/2011)');
    expect(f.message.vi).toBe(
      'Đảng viên Đảng viên A01 (Chi bộ thôn A) vắng sinh hoạt chi bộ không có lý do chính đáng trong 3 tháng của năm 2026; chi bộ cần xem xét, đề nghị xóa tên (Điều lệ Đảng, Điều 8)',
    );
  });

  it('is raised once the third month is reached, not before', () => {
    const events = [atA('jan', '2026-01-10', { A01: 'absent' }), atA('feb', '2026-02-10', { A01: 'absent' }), atA('mar', '2026-03-10', { A01: 'absent' })];
    expect(only(evaluate(org, events, packs(), '2026-03-10T20:00:00+07:00', FROM_2026), UNEXCUSED)).toEqual([]); // mar recorded at 20:30
    expect(keysOf(only(evaluate(org, events, packs(), '2026-03-10T20:30:00+07:00', FROM_2026), UNEXCUSED))).toEqual([`alert ${UNEXCUSED} member:A01 2026`]);
  });

  it('absent in a fourth month: still one alert, with all the meetings as evidence', () => {
    const events = ['01', '02', '03', '04'].map((m) => atA(`m${m}`, `2026-${m}-10`, { A01: 'absent' }));
    const f = single(only(evaluate(org, events, packs(), AT, FROM_2026), UNEXCUSED));
    expect([f.subject.id, f.period, f.evidence]).toEqual(['A01', '2026', ['m01', 'm02', 'm03', 'm04']]);
    expect(f.message.vi).toContain('trong 4 tháng');
  });

  it('3 absences in only 2 months raise nothing', () => {
    const events = [atA('j1', '2026-01-05', { A01: 'absent' }), atA('j2', '2026-01-25', { A01: 'absent' }), atA('f1', '2026-02-10', { A01: 'absent' })];
    expect(only(evaluate(org, events, packs(), AT, FROM_2026), UNEXCUSED)).toEqual([]);
  });

  it('months are read in Vietnam: 17:30Z on 31 January is February, so 3 meetings in 2 local months raise nothing', () => {
    const events = [
      atA('jan', '2026-01-10', { A01: 'absent' }),
      meeting({ meetingId: 'feb1', unitId: 'P.X.A', heldAt: '2026-01-31T17:30:00Z', attendance: attendance(A, { A01: 'absent' }) }),
      atA('feb2', '2026-02-20', { A01: 'absent' }),
    ];
    expect(only(evaluate(org, events, packs(), AT, FROM_2026), UNEXCUSED)).toEqual([]);
  });

  it('absences listed at another cell’s meetings do not count', () => {
    const atB = meeting({ meetingId: 'b-mar', unitId: 'P.X.B', heldAt: '2026-03-10T19:30:00+07:00', attendance: [...attendance(B), { memberId: 'A01', status: 'absent' }] });
    const events = [atA('jan', '2026-01-10', { A01: 'absent' }), atA('feb', '2026-02-10', { A01: 'absent' }), atB];
    expect(only(evaluate(twoCells, events, packs(), AT, FROM_2026), UNEXCUSED)).toEqual([]);
  });

  it('an exempted member’s absences are not counted', () => {
    const events = ['01', '02', '03'].map((m) => atA(`m${m}`, `2026-${m}-10`, { A05: 'absent' }));
    expect(only(evaluate(org, events, packs(), AT, FROM_2026), UNEXCUSED)).toEqual([]);
  });

  it('a member missing from the list is never counted absent', () => {
    const events = ['01', '02', '03'].map((m) => atA(`m${m}`, `2026-${m}-10`, { A01: 'missing' }));
    expect(only(evaluate(org, events, packs(), AT, FROM_2026), UNEXCUSED)).toEqual([]);
  });

  it('excused absences do not count', () => {
    const events = ['01', '02', '03'].map((m) => atA(`m${m}`, `2026-${m}-10`, { A01: 'excused' }));
    expect(only(evaluate(org, events, packs(), AT, FROM_2026), UNEXCUSED)).toEqual([]);
  });

  it('only regular and combined meetings count: an absence at a thematic meeting does not, at a combined one it does', () => {
    const base = [atA('jan', '2026-01-10', { A01: 'absent' }), atA('feb', '2026-02-10', { A01: 'absent' })];
    expect(only(evaluate(org, [...base, atA('mar', '2026-03-10', { A01: 'absent' }, 'thematic')], packs(), AT, FROM_2026), UNEXCUSED)).toEqual([]);
    expect(keysOf(only(evaluate(org, [...base, atA('mar', '2026-03-10', { A01: 'absent' }, 'combined')], packs(), AT, FROM_2026), UNEXCUSED))).toEqual([
      `alert ${UNEXCUSED} member:A01 2026`,
    ]);
  });

  it('months of two different years do not add up', () => {
    const events = [atA('nov', '2025-11-10', { A01: 'absent' }), atA('dec', '2025-12-10', { A01: 'absent' }), atA('jan', '2026-01-10', { A01: 'absent' })];
    expect(only(evaluate(org, events, packs(), AT, '2025-01-01T00:00:00+07:00'), UNEXCUSED)).toEqual([]);
  });
});

describe('dieu-le/excused-absence-streak', () => {
  const dates = ['2026-01-10', '2026-02-10', '2026-03-10', '2026-04-10', '2026-05-10', '2026-06-10'];

  it('excused at 4 consecutive regular/combined meetings: one alert', () => {
    const events = dates.slice(0, 4).map((d, i) => atA(`m${i + 1}`, d, { A02: 'excused' }, i === 2 ? 'combined' : 'regular'));
    const f = single(only(evaluate(org, events, packs(), AT, FROM_2026), STREAK));
    expect(core(f)).toEqual({
      kind: 'alert',
      ruleId: STREAK,
      subject: { type: 'member', id: 'A02' },
      period: '2026',
      dueBy: null,
      missing: {},
      evidence: ['m1', 'm2', 'm3', 'm4'],
      recipients: A_WITH_UBKT,
    });
    expect(f.citation).toBe('Hướng dẫn 12-HD/BTCTW (Ban Tổ chức Trung ương, 6/7/2018)');
    expect(f.message.vi).toContain('4 lần liên tiếp trong năm 2026, quá 03 lần (Hướng dẫn 12-HD/BTCTW)');
  });

  it('excused at 3 consecutive meetings: nothing', () => {
    const events = dates.slice(0, 3).map((d, i) => atA(`m${i + 1}`, d, { A02: 'excused' }));
    expect(only(evaluate(org, events, packs(), AT, FROM_2026), STREAK)).toEqual([]);
  });

  it('a present in between resets the streak', () => {
    const statuses: Array<Record<string, Status>> = [{ A02: 'excused' }, { A02: 'excused' }, {}, { A02: 'excused' }, { A02: 'excused' }];
    const events = statuses.map((s, i) => atA(`m${i + 1}`, dates[i]!, s));
    expect(only(evaluate(org, events, packs(), AT, FROM_2026), STREAK)).toEqual([]);
    // one more excused after the reset still makes only 3
    expect(only(evaluate(org, [...events, atA('m6', dates[5]!, { A02: 'excused' })], packs(), AT, FROM_2026), STREAK)).toEqual([]);
  });

  it('an unexcused absence or a missing entry is not `excused`: the meetings are not consecutive excused absences', () => {
    for (const breaker of ['absent', 'missing'] as const) {
      const statuses: Array<Record<string, Status>> = [{ A02: 'excused' }, { A02: 'excused' }, { A02: breaker }, { A02: 'excused' }, { A02: 'excused' }];
      const events = statuses.map((s, i) => atA(`m${i + 1}`, dates[i]!, s));
      expect(only(evaluate(org, events, packs(), AT, FROM_2026), STREAK), breaker).toEqual([]);
    }
  });

  it('thematic meetings between do not count and do not break the streak', () => {
    const events = [
      atA('m1', '2026-01-10', { A02: 'excused' }),
      atA('m2', '2026-02-10', { A02: 'excused' }),
      atA('t1', '2026-02-20', {}, 'thematic'),
      atA('m3', '2026-03-10', { A02: 'excused' }),
      atA('m4', '2026-04-10', { A02: 'excused' }),
    ];
    expect(single(only(evaluate(org, events, packs(), AT, FROM_2026), STREAK)).evidence).toEqual(['m1', 'm2', 'm3', 'm4']);
  });

  it('the streak resets on 1 January', () => {
    const events = [
      atA('n1', '2025-11-10', { A02: 'excused' }),
      atA('n2', '2025-12-10', { A02: 'excused' }),
      atA('j1', '2026-01-10', { A02: 'excused' }),
      atA('j2', '2026-02-10', { A02: 'excused' }),
    ];
    expect(only(evaluate(org, events, packs(), AT, '2025-01-01T00:00:00+07:00'), STREAK)).toEqual([]);
    // the reset is at local midnight: 23:30 +07:00 on 31 Dec 2025 is still 2025
    const lateDec = meeting({ meetingId: 'd31', unitId: 'P.X.A', heldAt: '2025-12-31T23:30:00+07:00', attendance: attendance(A, { A02: 'excused' }) });
    expect(only(evaluate(org, [...events, lateDec], packs(), AT, '2025-01-01T00:00:00+07:00'), STREAK)).toEqual([]);
    // …whereas 17:30Z on 31 Dec 2025 is 1 January 2026: the third of 2026, and a fourth makes the alert
    const newYear = meeting({ meetingId: 'ny', unitId: 'P.X.A', heldAt: '2025-12-31T17:30:00Z', attendance: attendance(A, { A02: 'excused' }) });
    const f = single(only(evaluate(org, [...events, newYear, atA('j3', '2026-03-10', { A02: 'excused' })], packs(), AT, '2025-01-01T00:00:00+07:00'), STREAK));
    expect([f.period, f.evidence]).toEqual(['2026', ['ny', 'j1', 'j2', 'j3']]);
  });

  it('gives the same result whatever order the meetings arrive in', () => {
    const alerting = dates.slice(0, 4).map((d, i) => atA(`m${i + 1}`, d, { A02: 'excused' }));
    const inOrder = evaluate(org, alerting, packs(), AT, FROM_2026);
    const shuffled = evaluate(org, [alerting[3]!, alerting[1]!, alerting[0]!, alerting[2]!], packs(), AT, FROM_2026);
    expect(only(shuffled, STREAK)).toEqual(only(inOrder, STREAK));
    expect(only(shuffled, STREAK)).toHaveLength(1);

    const statuses: Array<Record<string, Status>> = [{ A02: 'excused' }, { A02: 'excused' }, {}, { A02: 'excused' }, { A02: 'excused' }];
    const reset = statuses.map((s, i) => atA(`r${i + 1}`, dates[i]!, s));
    // the present meeting arriving last still breaks the streak
    expect(only(evaluate(org, [reset[0]!, reset[1]!, reset[3]!, reset[4]!, reset[2]!], packs(), AT, FROM_2026), STREAK)).toEqual([]);
  });

  it('two long streaks in a year: one alert, for the first', () => {
    const statuses: Array<Record<string, Status>> = [...Array(4).fill({ A02: 'excused' }), {}, ...Array(4).fill({ A02: 'excused' })];
    const events = statuses.map((s, i) => atA(`m${i + 1}`, `2026-${String(i + 1).padStart(2, '0')}-10`, s));
    const f = single(only(evaluate(org, events, packs(), AT, FROM_2026), STREAK));
    expect([f.period, f.evidence]).toEqual(['2026', ['m1', 'm2', 'm3', 'm4']]);
  });

  it('an exempted member is not alerted', () => {
    const events = dates.slice(0, 5).map((d, i) => atA(`m${i + 1}`, d, { A05: 'excused' }));
    expect(only(evaluate(org, events, packs(), AT, FROM_2026), STREAK)).toEqual([]);
  });
});
