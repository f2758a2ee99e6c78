/**
 * Versions, retractions and duplicates (DESIGN.md, "Events"; RULES.md: "a
 * retracted meeting counts for nothing; a higher version of a meeting
 * replaces the lower one everywhere").
 */
import { describe, expect, it } from 'vitest';
import type { MeetingEvent, MeetingRecorded } from '../../../shared/contract/events.ts';
import { Engine } from '../../../shared/engine/engine.ts';
import { Ledger } from '../../../shared/ledger/ledger.ts';
import { attendance, evaluate, keysOf, meeting, packs, retraction } from '../../support/builders.ts';
import { ids, membersOf, oneCellOrg } from '../../support/scenarios.ts';

const TWENTY = ids('A', 20);
const commune = { id: 'L-x', name: 'Ủy viên BTV Đảng ủy xã', positions: [{ unitId: 'P.X', role: 'standing_committee' }], assignments: [{ unitId: 'P.X', from: '2019-01-01' }] };
const org = oneCellOrg(membersOf('P.X.A', TWENTY), {}, [], [commune]);
const PACKS = packs('yb-qd18');
const AT = '2026-05-04T00:00:00+07:00';
const FROM = '2026-03-01T00:00:00+07:00';

/** Version 1, on 10 March: 17 of 20 present, 60 minutes long, visited by L-x. */
const v1 = meeting({
  meetingId: 'mt-1',
  version: 1,
  unitId: 'P.X.A',
  kind: 'regular',
  heldAt: '2026-03-10T19:30:00+07:00',
  endedAt: '2026-03-10T20:30:00+07:00',
  recordedAt: '2026-03-10T22:00:00+07:00',
  attendance: attendance(TWENTY, { A18: 'absent', A19: 'absent', A20: 'absent' }),
  visitingLeaderIds: ['L-x'],
});
/** Version 2, recorded on 12 March: the meeting was on 10 April in fact, everyone present, no visitor, no end time. */
const v2 = meeting({
  meetingId: 'mt-1',
  version: 2,
  unitId: 'P.X.A',
  kind: 'regular',
  heldAt: '2026-04-10T19:30:00+07:00',
  recordedAt: '2026-04-12T08:00:00+07:00',
  attendance: attendance(TWENTY),
});

const run = (events: MeetingEvent[], at = AT) => keysOf(evaluate(org, events, PACKS, at, FROM));

/** What v1 alone gives: March met by the cell and by L-x, its two alerts; April owed by both. */
const V1_ONLY = [
  'alert dieu-le/attendance-rate meeting:mt-1 2026-03',
  'alert dieu-le/minimum-duration meeting:mt-1 2026-03',
  'violation dieu-le/monthly-regular-meeting cell:P.X.A 2026-04',
  'violation yb-qd18/commune-monthly leader:L-x 2026-04',
];
/** What nothing at all gives. */
const NOTHING = [
  'violation dieu-le/monthly-regular-meeting cell:P.X.A 2026-03',
  'violation yb-qd18/commune-monthly leader:L-x 2026-03',
  'violation dieu-le/monthly-regular-meeting cell:P.X.A 2026-04',
  'violation yb-qd18/commune-monthly leader:L-x 2026-04',
];

describe('meeting versions', () => {
  it('sanity: v1 alone, and nothing at all', () => {
    expect(run([v1])).toEqual(V1_ONLY);
    expect(run([])).toEqual(NOTHING);
  });

  it('a higher version replaces the lower one everywhere: its month, its alerts, its visits', () => {
    expect(run([v1, v2])).toEqual([
      'violation dieu-le/monthly-regular-meeting cell:P.X.A 2026-03',
      'violation yb-qd18/commune-monthly leader:L-x 2026-03',
      'violation yb-qd18/commune-monthly leader:L-x 2026-04',
    ]);
  });

  it('a lower version arriving after a higher one is ignored', () => {
    expect(evaluate(org, [v2, v1], PACKS, AT, FROM)).toEqual(evaluate(org, [v1, v2], PACKS, AT, FROM));
  });

  it('an equal version with other content is ignored: the first applied stays', () => {
    const { endedAt: _ended, ...rest } = v1;
    const rival: MeetingRecorded = { ...rest, eventId: 'e-rival', attendance: attendance(TWENTY), visitingLeaderIds: [] };
    expect(run([v1, rival])).toEqual(V1_ONLY);
  });

  it('the higher version is not known before its recordedAt', () => {
    expect(keysOf(evaluate(org, [v1, v2], PACKS, '2026-04-12T07:59:00+07:00', FROM))).toEqual([
      'alert dieu-le/attendance-rate meeting:mt-1 2026-03',
      'alert dieu-le/minimum-duration meeting:mt-1 2026-03',
    ]);
  });
});

describe('retractions', () => {
  const retract = retraction('mt-1', '2026-03-15T08:00:00+07:00');

  it('a retraction removes the meeting from everything', () => {
    expect(evaluate(org, [v1, retract], PACKS, AT, FROM)).toEqual(evaluate(org, [], PACKS, AT, FROM));
  });

  it('a retraction arriving before the record still removes it', () => {
    expect(evaluate(org, [retract, v1], PACKS, AT, FROM)).toEqual(evaluate(org, [], PACKS, AT, FROM));
  });

  it('a higher version after the retraction does not revive the meeting', () => {
    expect(evaluate(org, [v1, retract, v2], PACKS, AT, FROM)).toEqual(evaluate(org, [], PACKS, AT, FROM));
  });

  it('before its recordedAt the retraction is not known: the meeting still counts', () => {
    const at = '2026-03-15T07:59:00+07:00';
    expect(keysOf(evaluate(org, [v1, retract], PACKS, at, FROM))).toEqual(['alert dieu-le/attendance-rate meeting:mt-1 2026-03', 'alert dieu-le/minimum-duration meeting:mt-1 2026-03']);
  });
});

describe('duplicate eventIds', () => {
  it('the same event twice changes nothing (findings and ledger)', () => {
    const engine = new Engine(org, PACKS);
    const once = new Ledger();
    const twice = new Ledger();
    engine.apply(once, v1);
    expect(engine.apply(twice, v1).outcome).toBe('applied');
    expect(engine.apply(twice, v1)).toEqual({ outcome: 'duplicate', touched: [] });
    expect(twice.snapshot()).toEqual(once.snapshot());
    expect(evaluate(org, [v1, v1], PACKS, AT, FROM)).toEqual(evaluate(org, [v1], PACKS, AT, FROM));
  });

  it('another event reusing an applied eventId is ignored, whatever it says', () => {
    const reusedVersion: MeetingEvent = { ...v2, eventId: v1.eventId };
    const reusedRetraction: MeetingEvent = { ...retraction('mt-1', '2026-03-15T08:00:00+07:00'), eventId: v1.eventId };
    expect(run([v1, reusedVersion])).toEqual(V1_ONLY);
    expect(run([v1, reusedRetraction])).toEqual(V1_ONLY);
  });
});
