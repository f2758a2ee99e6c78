import * as z from 'zod';
import { PeriodId } from './findings.ts';
import { Id, Text } from './primitives.ts';

/**
 * The period report of `GET /report` and `chibo report`: per unit, the Hà Nội
 * Đề án 11 KPIs (docs/reports.md says how each number is counted).
 */
export const ReportRow = z.strictObject({
  unitId: Id,
  name: Text,
  kind: z.enum(['province', 'district', 'grassroots', 'cell']),
  /** 0 for the unit the report is about, 1 for its children, … */
  depth: z.number().int().nonnegative(),
  cells: z.number().int().nonnegative(),
  /** Cells whose monthly meeting obligations are met in every month of the period begun so far. */
  cellsMeetingEveryMonth: z.number().int().nonnegative(),
  /** Cells with at least one meeting counted as thematic in the period. */
  cellsWithThematicMeeting: z.number().int().nonnegative(),
  /** Cell meetings held in the period (current versions). */
  meetings: z.number().int().nonnegative(),
  /** Mean over those meetings of present ÷ eligible members (exempted members are not eligible), in percent; null without meetings. */
  meanAttendancePercent: z.number().min(0).max(100).nullable(),
  leadersMet: z.number().int().nonnegative(),
  /** Leaders with a quota of the period still owed, with what they owe. */
  leadersUnmet: z.array(z.strictObject({ leaderId: Id, name: Text, missing: z.record(z.string(), z.number().int().positive()) })),
  /** Violations of the period raised and not withdrawn, nor excused. */
  openViolations: z.number().int().nonnegative(),
  /** Violations of the period an inspection committee excused (POST /decisions), counted apart. */
  excusedViolations: z.number().int().nonnegative(),
  /** Meetings rated on a score sheet in the period (the quality pack); absent when none was. */
  quality: z
    .strictObject({
      ratedMeetings: z.number().int().positive(),
      bands: z.strictObject({ tot: z.number().int().nonnegative(), kha: z.number().int().nonnegative(), trungBinh: z.number().int().nonnegative(), kem: z.number().int().nonnegative() }),
      meanScore: z.number().min(0).max(100),
      /** Criteria that lost points, most often first (at most 3), with the number of meetings. */
      mostMissed: z.array(z.strictObject({ criterion: z.string(), meetings: z.number().int().positive() })).max(3),
    })
    .optional(),
});
export type ReportRow = z.infer<typeof ReportRow>;

export const PeriodReport = z.strictObject({
  unitId: Id,
  period: PeriodId,
  /** The instant the figures hold at (months not begun by then are not counted). */
  asOf: z.string(),
  rows: z.array(ReportRow),
});
export type PeriodReport = z.infer<typeof PeriodReport>;
