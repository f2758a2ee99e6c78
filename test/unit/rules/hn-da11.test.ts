/** hn-da11/attendance-90 (attendance-rate template, passWhen: at-or-above 90%), exempted members excluded. */
import { describe, expect, it } from 'vitest';
import type { MeetingRecorded } from '../../../shared/contract/events.ts';
import { attendance, evaluate, keysOf, meeting, only, packs } from '../../support/builders.ts';
import { A_WITH_UBKT, EXEMPT_2026, FROM_2026, core, ids, membersOf, oneCellOrg, single } from '../../support/scenarios.ts';

const RULE = 'hn-da11/attendance-90';
const AT = '2026-04-04T00:00:00+07:00';
const TWENTY = ids('A', 20);
const org20 = oneCellOrg(membersOf('P.X.A', TWENTY));

function firstPresent(present: number): Record<string, 'absent'> {
  return Object.fromEntries(TWENTY.slice(present).map((id) => [id, 'absent' as const]));
}
const held = (extra: Partial<MeetingRecorded> & Pick<MeetingRecorded, 'attendance'>) =>
  meeting({ unitId: 'P.X.A', heldAt: '2026-03-10T19:30:00+07:00', kind: 'regular', ...extra });

describe('hn-da11/attendance-90: passes at 90%', () => {
  it('18 of 20 present (exactly 90%) raises nothing from hn-da11 (nor from dieu-le)', () => {
    const m = held({ attendance: attendance(TWENTY, firstPresent(18)) });
    const found = evaluate(org20, [m], packs('hn-da11'), AT, FROM_2026);
    expect(only(found, RULE)).toEqual([]);
    expect(only(found, 'dieu-le/attendance-rate')).toEqual([]);
  });

  it('17 of 20 present raises the hn-da11 alert (and the dieu-le one)', () => {
    const m = held({ meetingId: 'mt-17', attendance: attendance(TWENTY, firstPresent(17)) });
    const found = evaluate(org20, [m], packs('hn-da11'), AT, FROM_2026);
    const f = single(only(found, RULE));
    expect(core(f)).toEqual({
      kind: 'alert',
      ruleId: RULE,
      subject: { type: 'meeting', id: 'mt-17' },
      period: '2026-03',
      dueBy: null,
      missing: { presentMembers: 1 },
      evidence: ['mt-17'],
      recipients: A_WITH_UBKT,
    });
    expect(f.citation).toBe('Đề án 11-ĐA/TU (Hà Nội, 6/12/2021)');
    expect(f.message.vi).toBe('Buổi sinh hoạt ngày 10/03/2026 của Chi bộ thôn A chỉ có 17/20 đảng viên dự (85%), chưa đạt từ 90% trở lên (Đề án 11-ĐA/TU)');
    expect(keysOf(only(found, 'dieu-le/attendance-rate'))).toEqual(['alert dieu-le/attendance-rate meeting:mt-17 2026-03']);
  });

  it('is off unless the pack is on', () => {
    const m = held({ attendance: attendance(TWENTY, firstPresent(10)) });
    expect(only(evaluate(org20, [m], packs(), AT, FROM_2026), RULE)).toEqual([]);
  });

  it('applies to regular and combined meetings only', () => {
    const low = attendance(TWENTY, firstPresent(10));
    const events = (['regular', 'combined', 'thematic', 'extraordinary'] as const).map((kind) => held({ meetingId: `mt-${kind}`, kind, attendance: low }));
    expect(only(evaluate(org20, events, packs('hn-da11'), AT, FROM_2026), RULE).map((f) => f.subject.id).sort()).toEqual(['mt-combined', 'mt-regular']);
  });
});

describe('hn-da11/attendance-90: who is eligible', () => {
  it('exempted members are out of the denominator: 18 of 20 eligible passes though 2 more exempted members are absent', () => {
    const members = membersOf('P.X.A', [...TWENTY, 'E1', 'E2'], { E1: EXEMPT_2026, E2: EXEMPT_2026 });
    const org = oneCellOrg(members);
    const m = held({ attendance: attendance([...TWENTY, 'E1', 'E2'], { ...firstPresent(18), E1: 'absent', E2: 'absent' }) });
    // counted in, 18 of 22 would be 81.8%
    expect(only(evaluate(org, [m], packs('hn-da11'), AT, FROM_2026), RULE)).toEqual([]);
  });

  it('a member who joins after the meeting date is not eligible: 18 of 20 passes (18 of 21 would not)', () => {
    const members = membersOf('P.X.A', [...TWENTY, 'N1'], { N1: { joinedOn: '2026-03-20' } });
    const org = oneCellOrg(members);
    const m = held({ attendance: attendance(TWENTY, firstPresent(18)) });
    expect(only(evaluate(org, [m], packs('hn-da11'), AT, FROM_2026), RULE)).toEqual([]);
    const later = held({ meetingId: 'mt-apr', heldAt: '2026-04-10T19:30:00+07:00', attendance: attendance(TWENTY, firstPresent(18)) });
    // once N1 has joined (and is missing from the list): 18 of 21 fails
    const f = single(only(evaluate(org, [later], packs('hn-da11'), '2026-05-01T00:00:00+07:00', FROM_2026), RULE));
    expect([f.subject.id, f.period, f.message.vi.includes('18/21')]).toEqual(['mt-apr', '2026-04', true]);
  });

  it('a member missing from the list counts as not present: 18 listed of 20 passes, 17 listed fails', () => {
    const missing = (present: number) => Object.fromEntries(TWENTY.slice(present).map((id) => [id, 'missing' as const]));
    expect(only(evaluate(org20, [held({ attendance: attendance(TWENTY, missing(18)) })], packs('hn-da11'), AT, FROM_2026), RULE)).toEqual([]);
    const f = single(only(evaluate(org20, [held({ meetingId: 'mt-m', attendance: attendance(TWENTY, missing(17)) })], packs('hn-da11'), AT, FROM_2026), RULE));
    expect(f.subject.id).toBe('mt-m');
  });
});
