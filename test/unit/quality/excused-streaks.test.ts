/** Runs of consecutive excused absences up to each meeting of a cell's year: the attendance bonus's history. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantMs } from '../../../shared/calendar/period.ts';
import type { MeetingKind } from '../../../shared/contract/events.ts';
import { longestStreaksSoFar, type AttendedMeeting } from '../../../shared/quality/excused-streaks.ts';
import { membersOf, oneCellOrg } from '../../support/scenarios.ts';

const org = oneCellOrg(membersOf('P.X.A', ['A01', 'A02', 'A03'], { A03: { exemptions: [{ from: '2026-03-01', to: '2026-03-31' }] } }));
const KINDS: MeetingKind[] = ['regular', 'combined'];
const held = (month: number, kind: MeetingKind = 'regular', excused: string[] = []): AttendedMeeting => ({
  meetingId: `m${String(month).padStart(2, '0')}${kind === 'regular' ? '' : `-${kind}`}`,
  heldAt: instantMs(`2026-${String(month).padStart(2, '0')}-10T19:30:00+07:00`),
  kind,
  excused,
});
const runs = (meetings: AttendedMeeting[], probes: Array<{ meetingId: string; heldAt: number }> = []) => Object.fromEntries(longestStreaksSoFar('P.X.A', meetings, KINDS, org, probes));

describe('longest excused run so far', () => {
  it('counts consecutive excused meetings, up to and including each one, and keeps the year’s longest after the run ends', () => {
    const year = [held(1, 'regular', ['A01']), held(2, 'regular', ['A01']), held(3, 'regular', ['A01']), held(4, 'regular', ['A01']), held(5)];
    expect(runs(year)).toEqual({ m01: 1, m02: 2, m03: 3, m04: 4, m05: 4 });
  });

  it('a meeting attended ends a member’s run; another member’s run is their own', () => {
    const year = [held(1, 'regular', ['A01']), held(2, 'regular', ['A01', 'A02']), held(3, 'regular', ['A02']), held(4, 'regular', ['A01', 'A02'])];
    expect(runs(year)).toEqual({ m01: 1, m02: 2, m03: 2, m04: 3 });
  });

  it('the order the meetings are given in does not matter', () => {
    const year = [held(4, 'regular', ['A01']), held(2, 'regular', ['A01']), held(1), held(3, 'regular', ['A01'])];
    expect(runs(year)).toEqual({ m01: 0, m02: 1, m03: 2, m04: 3 });
    // Any order of a year of random attendance, meetings at the same instant included.
    const meeting = fc.record({ month: fc.integer({ min: 1, max: 12 }), kind: fc.constantFrom<MeetingKind>('regular', 'combined', 'thematic'), excused: fc.subarray(['A01', 'A02', 'A03']) });
    const years = fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 99 }), meeting), { selector: ([id]) => id, maxLength: 14 }).map((ms) =>
      ms.map(([id, m]) => ({ ...held(m.month, m.kind, m.excused), meetingId: `m${id}` })),
    );
    const shuffledYears = years.chain((y) => fc.tuple(fc.constant(y), fc.shuffledSubarray(y, { minLength: y.length })));
    fc.assert(
      fc.property(shuffledYears, ([y, shuffled]) => {
        expect(runs(shuffled)).toEqual(runs(y));
      }),
    );
  });

  it('meetings of other kinds neither extend nor end a run', () => {
    const year = [held(1, 'regular', ['A01']), held(2, 'thematic'), held(3, 'regular', ['A01']), held(4, 'thematic', ['A01'])];
    expect(runs(year)).toEqual({ m01: 1, 'm02-thematic': 1, m03: 2, 'm04-thematic': 2 });
  });

  it('a meeting where the member is not eligible (exempted that month) is skipped, not a break', () => {
    // A03 exempted in March: absent from the record, the run of January, February and April is 3.
    const year = [held(1, 'regular', ['A03']), held(2, 'regular', ['A03']), held(3), held(4, 'regular', ['A03'])];
    expect(runs(year)).toEqual({ m01: 1, m02: 2, m03: 2, m04: 3 });
  });

  it('a member not in the org makes no run', () => {
    expect(runs([held(1, 'regular', ['ghost']), held(2, 'regular', ['ghost'])])).toEqual({ m01: 0, m02: 0 });
  });

  it('a probe (a rated meeting not counted) reads the run of the meetings held before it', () => {
    const probe = { meetingId: 'p', heldAt: instantMs('2026-03-01T08:00:00+07:00') };
    expect(runs([held(1, 'regular', ['A01']), held(2, 'regular', ['A01']), held(4, 'regular', ['A01'])], [probe])).toMatchObject({ p: 2, m04: 3 });
  });
});
