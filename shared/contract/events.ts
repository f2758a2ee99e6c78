import * as z from 'zod';
import { Id, Instant, Text } from './primitives.ts';

/**
 * regular (thường kỳ) | thematic (chuyên đề) | combined (regular then thematic in
 * one session: counts as both) | extraordinary (bất thường) | committee (a
 * grassroots or higher party committee, e.g. đảng ủy xã) | cell_committee (chi ủy).
 */
export const MeetingKind = z.enum(['regular', 'thematic', 'combined', 'extraordinary', 'committee', 'cell_committee']);
export const AttendanceStatus = z.enum(['present', 'excused', 'absent']);

export const Attendance = z.strictObject({ memberId: Id, status: AttendanceStatus });

const Scores = z.record(z.string().regex(/^[a-z0-9-]{1,64}$/, 'expected a criterion id'), z.number().min(0).max(100));

/**
 * A score sheet filled in for the meeting (optional). The upper level's
 * scores come as a higher version with scoredBy "upper", keeping the cell's
 * own in selfScores so the gap between them can be seen.
 */
export const MeetingQuality = z.strictObject({
  sheet: Id,
  scoredBy: z.enum(['self', 'upper']),
  scores: Scores,
  selfScores: Scores.optional(),
});

/** A meeting lasts at most a day; a longer span is a typo in `endedAt`. */
const MAX_MEETING_MS = 24 * 3600_000;
/** Attendance lists larger than any cell are refused before they cost anything. */
export const MAX_ATTENDANCE = 5000;

/**
 * A meeting's record, its shape only: the sheet its `quality` names is checked
 * where the sheets are known (shared/quality/checked-event.ts), so the
 * contract knows no shipped data.
 */
export const MeetingRecorded = z
  .strictObject({
    type: z.literal('MeetingRecorded'),
    eventId: Id,
    meetingId: Id,
    version: z.number().int().min(1).max(1_000_000),
    unitId: Id,
    kind: MeetingKind,
    heldAt: Instant,
    endedAt: Instant.optional(),
    recordedAt: Instant,
    attendance: z.array(Attendance).max(MAX_ATTENDANCE),
    visitingLeaderIds: z.array(Id).max(100).default([]),
    resolutionIssued: z.boolean().optional(),
    speakerCount: z.number().int().min(0).max(MAX_ATTENDANCE).optional(),
    topic: Text.optional(),
    quality: MeetingQuality.optional(),
  })
  .superRefine((e, ctx) => {
    const held = Date.parse(e.heldAt);
    if (e.endedAt !== undefined) {
      const ended = Date.parse(e.endedAt);
      if (ended <= held) ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'endedAt must be after heldAt' });
      else if (ended - held > MAX_MEETING_MS) ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'a meeting cannot last more than 24 hours' });
    }
    if (Date.parse(e.recordedAt) < held) ctx.addIssue({ code: 'custom', path: ['recordedAt'], message: 'a meeting is recorded after it is held: recordedAt is before heldAt' });
    const seen = new Set<string>();
    e.attendance.forEach((a, i) => {
      if (seen.has(a.memberId)) ctx.addIssue({ code: 'custom', path: ['attendance', i, 'memberId'], message: `member ${a.memberId} is listed twice` });
      seen.add(a.memberId);
    });
    if (new Set(e.visitingLeaderIds).size !== e.visitingLeaderIds.length) {
      ctx.addIssue({ code: 'custom', path: ['visitingLeaderIds'], message: 'a leader is listed twice' });
    }
  });

export const MeetingRetracted = z.strictObject({
  type: z.literal('MeetingRetracted'),
  eventId: Id,
  meetingId: Id,
  recordedAt: Instant,
  reason: Text.optional(),
});

export const MeetingEvent = z.discriminatedUnion('type', [MeetingRecorded, MeetingRetracted]);

export type MeetingKind = z.infer<typeof MeetingKind>;
export type AttendanceStatus = z.infer<typeof AttendanceStatus>;
export type MeetingRecorded = z.infer<typeof MeetingRecorded>;
export type MeetingRetracted = z.infer<typeof MeetingRetracted>;
export type MeetingEvent = z.infer<typeof MeetingEvent>;
export type MeetingQuality = z.infer<typeof MeetingQuality>;
