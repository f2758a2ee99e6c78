/**
 * The `--from` bound (DESIGN.md, "Command line"): violations and reminders are
 * evaluated for periods that begin on or after its first day, alerts are
 * raised by meetings held on or after it; every event is still applied.
 */
import { describe, expect, it } from 'vitest';
import type { MeetingKind } from '../../../shared/contract/events.ts';
import { attendance, evaluate, keysOf, meeting, only, packs, retraction } from '../../support/builders.ts';
import { EXEMPT_2026, FROM_2026, ids, membersOf, oneCellOrg } from '../../support/scenarios.ts';

const TWENTY = ids('A', 20);
const org = oneCellOrg(membersOf('P.X.A', TWENTY));
const FEB = '2026-02-01T00:00:00+07:00';
const AT = '2026-04-04T00:00:00+07:00';

const low = (meetingId: string, date: string, kind: MeetingKind = 'regular') =>
  meeting({ meetingId, unitId: 'P.X.A', heldAt: `${date}T19:30:00+07:00`, endedAt: `${date}T20:00:00+07:00`, kind, attendance: attendance(TWENTY, Object.fromEntries(TWENTY.slice(10).map((id) => [id, 'absent' as const]))) });

describe('--from', () => {
  it('periods beginning before `from` are not reported: no January, no Q1', () => {
    const all = evaluate(org, [], packs(), AT, FROM_2026);
    expect(keysOf(all)).toEqual([
      'violation dieu-le/monthly-regular-meeting cell:P.X.A 2026-01',
      'violation dieu-le/monthly-regular-meeting cell:P.X.A 2026-02',
      'violation dieu-le/monthly-regular-meeting cell:P.X.A 2026-03',
      'violation dieu-le/quarterly-thematic-meeting cell:P.X.A 2026-Q1',
    ]);
    expect(keysOf(evaluate(org, [], packs(), AT, FEB))).toEqual([
      'violation dieu-le/monthly-regular-meeting cell:P.X.A 2026-02',
      'violation dieu-le/monthly-regular-meeting cell:P.X.A 2026-03',
    ]);
  });

  it('alerts of meetings held before `from` are not reported; those held on or after it are', () => {
    const events = [low('jan', '2026-01-10'), low('feb', '2026-02-10')];
    const alerts = (from: string) => keysOf(evaluate(org, events, packs(), AT, from).filter((f) => f.kind === 'alert'));
    expect(alerts(FROM_2026)).toEqual([
      'alert dieu-le/attendance-rate meeting:jan 2026-01',
      'alert dieu-le/minimum-duration meeting:jan 2026-01',
      'alert dieu-le/attendance-rate meeting:feb 2026-02',
      'alert dieu-le/minimum-duration meeting:feb 2026-02',
    ]);
    expect(alerts(FEB)).toEqual(['alert dieu-le/attendance-rate meeting:feb 2026-02', 'alert dieu-le/minimum-duration meeting:feb 2026-02']);
  });

  it('events before `from` are still applied: January’s absence counts toward an alert raised in March', () => {
    const events = [low('jan', '2026-01-10'), low('feb', '2026-02-10'), low('mar', '2026-03-10')];
    const absence = (from: string) => keysOf(only(evaluate(org, events, packs(), AT, from), 'dieu-le/member-unexcused-absence'));
    // A11…A20 absent in three months: raised by the March meeting
    expect(absence('2026-03-01T00:00:00+07:00')).toEqual(ids('A', 10, 11).map((id) => `alert dieu-le/member-unexcused-absence member:${id} 2026`));
    expect(absence('2026-04-01T00:00:00+07:00')).toEqual([]);
  });

  it('an excused streak is reported when the meeting that made it too long is held on or after `from`', () => {
    const excused = (meetingId: string, date: string) => meeting({ meetingId, unitId: 'P.X.A', heldAt: `${date}T19:30:00+07:00`, attendance: attendance(TWENTY, { A01: 'excused' }) });
    const events = [excused('s1', '2026-01-10'), excused('s2', '2026-02-10'), excused('s3', '2026-03-10'), excused('s4', '2026-04-10')];
    const streak = (from: string) => keysOf(only(evaluate(org, events, packs(), '2026-05-01T00:00:00+07:00', from), 'dieu-le/excused-absence-streak'));
    expect(streak('2026-04-01T00:00:00+07:00')).toEqual(['alert dieu-le/excused-absence-streak member:A01 2026']);
    expect(streak('2026-05-01T00:00:00+07:00')).toEqual([]);
  });

  it('follow-ups of meetings in months before `from` are not reported', () => {
    const thematic = meeting({ meetingId: 'th', unitId: 'P.X.A', heldAt: '2026-01-20T19:30:00+07:00', kind: 'thematic', attendance: [] });
    const follow = (from: string) => keysOf(only(evaluate(org, [thematic], packs('bg-thematic-resolution'), AT, from), 'bg-thematic-resolution/resolution-issued'));
    expect(follow(FROM_2026)).toEqual(['violation bg-thematic-resolution/resolution-issued meeting:th 2026-01']);
    expect(follow(FEB)).toEqual([]);
  });

  it('exemption shares of quarters beginning before `from` are not reported', () => {
    const lax = oneCellOrg(membersOf('P.X.A', ids('A', 5), { A01: EXEMPT_2026, A02: EXEMPT_2026 }));
    const share = (from: string) => keysOf(only(evaluate(lax, [], packs('td-exemptions'), '2026-04-02T00:00:00+07:00', from), 'td-exemptions/exemption-share'));
    expect(share(FROM_2026)).toEqual(['alert td-exemptions/exemption-share cell:P.X.A 2026-Q1', 'alert td-exemptions/exemption-share cell:P.X.A 2026-Q2']);
    expect(share(FEB)).toEqual(['alert td-exemptions/exemption-share cell:P.X.A 2026-Q2']);
  });

  it('by default, `from` is the first day of the month of the earliest meeting', () => {
    const march = meeting({ unitId: 'P.X.A', heldAt: '2026-03-10T19:30:00+07:00', kind: 'regular', attendance: attendance(TWENTY) });
    const january = meeting({ unitId: 'P.X.A', heldAt: '2026-01-10T19:30:00+07:00', kind: 'regular', attendance: attendance(TWENTY) });
    // only March known: nothing before March is evaluated
    expect(keysOf(evaluate(org, [march], packs(), AT))).toEqual([]);
    // January known too: February is evaluated, and Q1
    expect(keysOf(evaluate(org, [march, january], packs(), AT))).toEqual([
      'violation dieu-le/monthly-regular-meeting cell:P.X.A 2026-02',
      'violation dieu-le/quarterly-thematic-meeting cell:P.X.A 2026-Q1',
    ]);
  });
});

describe('the default `from`', () => {
  it('ignores a retracted meeting: a meeting wrongly dated 2016 and then retracted does not open ten years of periods', () => {
    const typo = meeting({ meetingId: 'typo', unitId: 'P.X.A', heldAt: '2016-03-10T19:30:00+07:00', recordedAt: '2026-03-11T08:00:00+07:00', attendance: attendance(TWENTY) });
    const march = meeting({ meetingId: 'mar', unitId: 'P.X.A', heldAt: '2026-03-10T19:30:00+07:00', endedAt: '2026-03-10T21:00:00+07:00', attendance: attendance(TWENTY) });
    const withTypo = evaluate(org, [typo, retraction('typo', '2026-03-12T08:00:00+07:00'), march], packs(), AT);
    expect(keysOf(withTypo)).toEqual(keysOf(evaluate(org, [march], packs(), AT)));
    expect(withTypo.every((f) => f.period >= '2026')).toBe(true);
  });
});
