/**
 * dieu-le/attendance-rate (attendance-rate template, passWhen: above 85%):
 * present ÷ eligible at a regular or combined meeting; eligible = members
 * active in the cell and not exempted on the meeting date.
 */
import { describe, expect, it } from 'vitest';
import type { MeetingRecorded } from '../../../shared/contract/events.ts';
import { attendance, evaluate, meeting, only, packs } from '../../support/builders.ts';
import { A_WITH_UBKT, EXEMPT_2026, FROM_2026, core, ids, membersOf, oneCellOrg, single } from '../../support/scenarios.ts';

const RULE = 'dieu-le/attendance-rate';
const AT = '2026-04-04T00:00:00+07:00';
const TWENTY = ids('A', 20);

/** 20 members; absent (or missing from the list) are the last `notPresent`. */
function withPresent(present: number, how: 'absent' | 'excused' | 'missing' = 'absent'): Record<string, 'absent' | 'excused' | 'missing'> {
  return Object.fromEntries(TWENTY.slice(present).map((id) => [id, how]));
}

const org20 = oneCellOrg(membersOf('P.X.A', TWENTY));
const held = (extra: Partial<MeetingRecorded> & Pick<MeetingRecorded, 'attendance'>) =>
  meeting({ unitId: 'P.X.A', heldAt: '2026-03-10T19:30:00+07:00', kind: 'regular', ...extra });

describe('dieu-le/attendance-rate: the 85% bar (passes only above it)', () => {
  it('17 of 20 present (exactly 85%) raises the alert', () => {
    const m = held({ meetingId: 'mt-85', attendance: attendance(TWENTY, withPresent(17)) });
    const f = single(only(evaluate(org20, [m], packs(), AT, FROM_2026), RULE));
    expect(core(f)).toEqual({
      kind: 'alert',
      ruleId: RULE,
      subject: { type: 'meeting', id: 'mt-85' },
      period: '2026-03',
      dueBy: null,
      missing: { presentMembers: 1 },
      evidence: ['mt-85'],
      recipients: A_WITH_UBKT,
    });
    expect(f.citation).toBe('Hướng dẫn 12-HD/BTCTW (Ban Tổ chức Trung ương, 6/7/2018)');
    expect(f.message.vi).toBe('Buổi sinh hoạt ngày 10/03/2026 của Chi bộ thôn A chỉ có 17/20 đảng viên dự (85%), chưa đạt trên 85% (Hướng dẫn 12-HD/BTCTW)');
    expect(f.message.en).toContain('(Guidance 12-HD/BTCTW)');
  });

  it('18 of 20 present (90%) raises nothing', () => {
    const m = held({ attendance: attendance(TWENTY, withPresent(18)) });
    expect(only(evaluate(org20, [m], packs(), AT, FROM_2026), RULE)).toEqual([]);
  });

  it('counts only `present`: excused members are not present', () => {
    const m = held({ meetingId: 'mt-exc', attendance: attendance(TWENTY, withPresent(17, 'excused')) });
    expect(only(evaluate(org20, [m], packs(), AT, FROM_2026), RULE).map((f) => [f.subject.id, f.missing])).toEqual([['mt-exc', { presentMembers: 1 }]]);
  });

  it('how many more present would pass: 12 of 20 needs 6 more', () => {
    const m = held({ attendance: attendance(TWENTY, withPresent(12)) });
    expect(single(only(evaluate(org20, [m], packs(), AT, FROM_2026), RULE)).missing).toEqual({ presentMembers: 6 });
  });

  it('the alert belongs to the month of the meeting in Vietnam (17:30Z on 31 March is April)', () => {
    const march = held({ meetingId: 'mt-mar', heldAt: '2026-03-31T23:30:00+07:00', attendance: attendance(TWENTY, withPresent(10)) });
    const april = held({ meetingId: 'mt-apr', heldAt: '2026-03-31T17:30:00Z', attendance: attendance(TWENTY, withPresent(10)) });
    const found = only(evaluate(org20, [march, april], packs(), '2026-05-01T00:00:00+07:00', FROM_2026), RULE);
    expect(found.map((f) => `${f.subject.id} ${f.period}`)).toEqual(['mt-mar 2026-03', 'mt-apr 2026-04']);
  });

  it('applies to regular and combined meetings only', () => {
    const low = attendance(TWENTY, withPresent(5));
    const events = (['regular', 'combined', 'thematic', 'extraordinary', 'cell_committee'] as const).map((kind) => held({ meetingId: `mt-${kind}`, kind, attendance: low }));
    const found = only(evaluate(org20, events, packs(), AT, FROM_2026), RULE);
    expect(found.map((f) => f.subject.id).sort()).toEqual(['mt-combined', 'mt-regular']);
  });

  it('stays raised as time goes on', () => {
    const m = held({ meetingId: 'mt-85', attendance: attendance(TWENTY, withPresent(17)) });
    expect(only(evaluate(org20, [m], packs(), '2026-12-31T23:00:00+07:00', FROM_2026), RULE).map((f) => f.subject.id)).toEqual(['mt-85']);
  });
});

describe('dieu-le/attendance-rate: who is eligible', () => {
  it('an exempted member is out of the denominator (17 of 19 passes; counted in, 17 of 20 would not)', () => {
    const members = membersOf('P.X.A', TWENTY, { A20: EXEMPT_2026 });
    const org = oneCellOrg(members);
    const m = held({ attendance: attendance(TWENTY, { A18: 'absent', A19: 'absent', A20: 'absent' }) });
    expect(only(evaluate(org, [m], packs(), AT, FROM_2026), RULE)).toEqual([]);
  });

  it('an exempted member who comes anyway is not counted as present either (16 of 19 fails)', () => {
    const members = membersOf('P.X.A', TWENTY, { A20: EXEMPT_2026 });
    const org = oneCellOrg(members);
    // present: A01..A16 and the exempted A20: 16 eligible present of 19 = 84.2%
    const m = held({ meetingId: 'mt-x', attendance: attendance(TWENTY, { A17: 'absent', A18: 'absent', A19: 'absent' }) });
    const f = single(only(evaluate(org, [m], packs(), AT, FROM_2026), RULE));
    expect(f.message.vi).toContain('16/19');
    expect(f.missing).toEqual({ presentMembers: 1 });
  });

  it('a member missing from the attendance list counts as not present (17 listed present of 20 fails; 18 passes)', () => {
    const fails = held({ meetingId: 'mt-miss', attendance: attendance(TWENTY, withPresent(17, 'missing')) });
    expect(fails.attendance).toHaveLength(17);
    const f = single(only(evaluate(org20, [fails], packs(), AT, FROM_2026), RULE));
    expect([f.subject.id, f.message.vi.includes('17/20')]).toEqual(['mt-miss', true]);
    const passes = held({ attendance: attendance(TWENTY, withPresent(18, 'missing')) });
    expect(only(evaluate(org20, [passes], packs(), AT, FROM_2026), RULE)).toEqual([]);
  });

  it('the exemption is read on the local date of the meeting', () => {
    // A20 exempted up to and including 10 March (local).
    const members = membersOf('P.X.A', TWENTY, { A20: { exemptions: [{ from: '2026-01-01', to: '2026-03-10' }] } });
    const org = oneCellOrg(members);
    const absent = { A18: 'absent', A19: 'absent', A20: 'absent' } as const;
    // 23:30 on 10 March (local): A20 exempted, 17 of 19 passes
    const onTheDay = held({ heldAt: '2026-03-10T23:30:00+07:00', attendance: attendance(TWENTY, absent) });
    expect(only(evaluate(org, [onTheDay], packs(), AT, FROM_2026), RULE)).toEqual([]);
    // 17:30Z on 10 March = 00:30 on 11 March (local): no longer exempted, 17 of 20 fails
    const nextDay = held({ meetingId: 'mt-11', heldAt: '2026-03-10T17:30:00Z', attendance: attendance(TWENTY, absent) });
    expect(only(evaluate(org, [nextDay], packs(), AT, FROM_2026), RULE).map((f) => f.subject.id)).toEqual(['mt-11']);
  });

  it('a member of another cell listed present does not count as present', () => {
    const org = oneCellOrg([...membersOf('P.X.A', TWENTY), ...membersOf('P.X.B', ['B01'])], {}, [
      { id: 'P.X.B', name: 'Chi bộ thôn B', kind: 'cell', cellType: 'residential', parentId: 'P.X' },
    ]);
    const m = held({ meetingId: 'mt-guest', attendance: [...attendance(TWENTY, withPresent(17)), { memberId: 'B01', status: 'present' }] });
    const f = single(only(evaluate(org, [m], packs(), AT, FROM_2026), RULE));
    expect([f.subject.id, f.missing, f.message.vi.includes('17/20')]).toEqual(['mt-guest', { presentMembers: 1 }, true]);
  });

  it('a member who left before the meeting is not eligible', () => {
    const members = membersOf('P.X.A', [...TWENTY, 'A21'], { A21: { leftOn: '2026-02-28' } });
    const org = oneCellOrg(members);
    // A21 is not on the list; 17 present of the 20 still in the cell (21 would be wrong)
    const m = held({ attendance: attendance(TWENTY, { A18: 'absent', A19: 'absent', A20: 'absent' }) });
    expect(single(only(evaluate(org, [m], packs(), AT, FROM_2026), RULE)).message.vi).toContain('17/20');
  });
});
