/**
 * A cell's year in which member A01 is excused from January to April: the
 * fourth excused absence in a row takes the attendance bonus off April's
 * rating and the rest of the year's. Each meeting is scored so that the bonus
 * decides its band: 70 with it (khá), 69 without (trung bình).
 */
import type { MeetingRecorded } from '../../shared/contract/events.ts';
import { attendance, meeting } from './builders.ts';
import { ids, membersOf, oneCellOrg } from './scenarios.ts';

export const MEMBERS = ids('A', 10);
export const org = oneCellOrg(membersOf('P.X.A', MEMBERS));
/** 9 of 10 present with A01 excused: attendance 4 + the bonus 1, duration 5, declared 60. */
export const SCORES = { preparation: 10, conduct: 30, chairing: 10, principles: 5, results: 4, closing: 1 };

export const monthly = (month: string, excused: boolean, extra: Partial<MeetingRecorded> = {}): MeetingRecorded =>
  meeting({
    meetingId: `mt-${month}`,
    eventId: `e-${month}`,
    unitId: 'P.X.A',
    heldAt: `2026-${month}-05T19:30:00+07:00`,
    endedAt: `2026-${month}-05T21:00:00+07:00`,
    attendance: attendance(MEMBERS, excused ? { A01: 'excused' } : {}),
    speakerCount: 6,
    recordedAt: `2026-${month}-06T08:00:00+07:00`,
    quality: { sheet: 'hd42-100', scoredBy: 'self', scores: SCORES },
    ...extra,
  });

/** January to April with A01 excused, May with everyone present. */
export const excusedRunYear = (): MeetingRecorded[] => [monthly('01', true), monthly('02', true), monthly('03', true), monthly('04', true), monthly('05', false)];
