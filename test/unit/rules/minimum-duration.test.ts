/** dieu-le/minimum-duration (minimum-duration template): HD 42, 90 minutes, 120 for a combined session. */
import { describe, expect, it } from 'vitest';
import type { MeetingKind } from '../../../shared/contract/events.ts';
import { evaluate, meeting, only, packs } from '../../support/builders.ts';
import { A_WITH_UBKT, FROM_2026, core, ids, membersOf, oneCellOrg, plusMinutes, single } from '../../support/scenarios.ts';

const RULE = 'dieu-le/minimum-duration';
const AT = '2026-04-04T00:00:00+07:00';
const HELD = '2026-03-05T19:30:00+07:00';
const org = oneCellOrg(membersOf('P.X.A', ids('A', 3)));

const lasting = (meetingId: string, kind: MeetingKind, minutes: number | undefined) =>
  meeting({ meetingId, unitId: 'P.X.A', heldAt: HELD, kind, attendance: [], ...(minutes === undefined ? {} : { endedAt: plusMinutes(HELD, minutes) }) });
const durationFindings = (...events: ReturnType<typeof lasting>[]) => only(evaluate(org, events, packs(), AT, FROM_2026), RULE);

describe('dieu-le/minimum-duration', () => {
  it('a regular meeting of 89 minutes raises the alert, with the HD 42 citation', () => {
    const f = single(durationFindings(lasting('mt-89', 'regular', 89)));
    expect(core(f)).toEqual({
      kind: 'alert',
      ruleId: RULE,
      subject: { type: 'meeting', id: 'mt-89' },
      period: '2026-03',
      dueBy: null,
      missing: { minutes: 1 },
      evidence: ['mt-89'],
      recipients: A_WITH_UBKT,
    });
    expect(f.citation).toBe('Hướng dẫn 42-HD/BTCTW (Ban Tổ chức Trung ương, 28/10/2025)');
    expect(f.message.vi).toBe('Buổi sinh hoạt ngày 05/03/2026 của Chi bộ thôn A chỉ kéo dài 89 phút, dưới mức tối thiểu 90 phút (Hướng dẫn 42-HD/BTCTW)');
  });

  it('a regular meeting of exactly 90 minutes raises nothing', () => {
    expect(durationFindings(lasting('mt-90', 'regular', 90))).toEqual([]);
  });

  it('a regular meeting one second short of 90 minutes is short', () => {
    const m = meeting({ meetingId: 'mt-s', unitId: 'P.X.A', heldAt: HELD, kind: 'regular', attendance: [], endedAt: '2026-03-05T20:59:59+07:00' });
    expect(single(durationFindings(m)).subject.id).toBe('mt-s');
  });

  it('a combined meeting of 119 minutes raises the alert; 120 minutes raises nothing', () => {
    const f = single(durationFindings(lasting('mt-119', 'combined', 119)));
    expect([f.kind, f.subject.id, f.period, f.missing]).toEqual(['alert', 'mt-119', '2026-03', { minutes: 1 }]);
    expect(f.message.vi).toContain('119 phút, dưới mức tối thiểu 120 phút');
    expect(durationFindings(lasting('mt-120', 'combined', 120))).toEqual([]);
  });

  it('a combined meeting of 100 minutes is short even though a regular one would not be', () => {
    expect(single(durationFindings(lasting('mt-c100', 'combined', 100))).missing).toEqual({ minutes: 20 });
    expect(durationFindings(lasting('mt-r100', 'regular', 100))).toEqual([]);
  });

  it('no endedAt: nothing to check', () => {
    expect(durationFindings(lasting('mt-open', 'regular', undefined), lasting('mt-open-c', 'combined', undefined))).toEqual([]);
  });

  it('the end may be written in another offset', () => {
    // 19:30 +07:00 is 12:30Z; 14:00Z is 90 minutes later
    const m = meeting({ meetingId: 'mt-z', unitId: 'P.X.A', heldAt: HELD, kind: 'regular', attendance: [], endedAt: '2026-03-05T14:00:00Z' });
    expect(durationFindings(m)).toEqual([]);
    const short = meeting({ meetingId: 'mt-z2', unitId: 'P.X.A', heldAt: HELD, kind: 'regular', attendance: [], endedAt: '2026-03-05T13:59:00Z' });
    expect(single(durationFindings(short)).missing).toEqual({ minutes: 1 });
  });

  it('applies to meetings held from 28/10/2025 (HD 42), by the local date', () => {
    const short = (meetingId: string, heldAt: string) => meeting({ meetingId, unitId: 'P.X.A', heldAt, kind: 'regular', attendance: [], endedAt: plusMinutes(heldAt, 60) });
    const found = only(
      evaluate(org, [short('oct-27', '2025-10-27T16:59:00Z'), short('oct-28', '2025-10-27T17:00:00Z')], packs(), '2025-11-04T00:00:00+07:00', '2025-10-01T00:00:00+07:00'),
      RULE,
    );
    // 16:59Z on 27 Oct is 23:59 on 27 Oct in Vietnam (before HD 42); 17:00Z is midnight on 28 Oct
    expect(found.map((f) => f.subject.id)).toEqual(['oct-28']);
  });

  it('the alert belongs to the month of the meeting’s start in Vietnam', () => {
    const m = meeting({ meetingId: 'mt-apr', unitId: 'P.X.A', heldAt: '2026-03-31T17:30:00Z', kind: 'regular', attendance: [], endedAt: '2026-03-31T18:30:00Z' });
    expect(durationFindings(m).map((f) => `${f.subject.id} ${f.period} ${JSON.stringify(f.missing)}`)).toEqual(['mt-apr 2026-04 {"minutes":30}']);
  });
});
