/** What the dashboard's own routes return (docs/dashboard.md): the heatmap, a cell's meetings, the rules' labels. */
import * as z from 'zod';
import { PeriodId } from './findings.ts';
import { Id, Text } from './primitives.ts';

/**
 * A cell's month: met (every monthly meeting obligation met), reminder, violation,
 * excused (its violations all excused), open (under way, nothing raised yet),
 * future (not begun at the instant), inactive (the cell did not exist then).
 */
export const HeatStatus = z.enum(['violation', 'reminder', 'open', 'excused', 'met', 'future', 'inactive']);
export type HeatStatus = z.infer<typeof HeatStatus>;

/** How many cells of a row's subtree are in each status that month; a cell's row counts itself once. */
export const HeatCounts = z.partialRecord(HeatStatus, z.number().int().nonnegative());
export type HeatCounts = z.infer<typeof HeatCounts>;

export const HeatmapRow = z.strictObject({
  unitId: Id,
  name: Text,
  kind: z.enum(['province', 'district', 'grassroots', 'cell']),
  parentId: Id.nullable(),
  depth: z.number().int().nonnegative(),
  /** month → the row's status (a cell's own; a unit's: the worst among its cells) and the counts behind it. */
  months: z.record(PeriodId, z.strictObject({ status: HeatStatus, counts: HeatCounts })),
});
export type HeatmapRow = z.infer<typeof HeatmapRow>;

export const Heatmap = z.strictObject({
  unitId: Id,
  period: PeriodId,
  asOf: z.string(),
  months: z.array(PeriodId),
  rows: z.array(HeatmapRow),
  /** Leaders holding a position in the subtree during the period (the quotas view's choices). */
  leaders: z.array(z.strictObject({ id: Id, name: Text })),
});
export type Heatmap = z.infer<typeof Heatmap>;

export const CellMeeting = z.strictObject({
  meetingId: Id,
  /** The version the ledger holds (the highest of its registers): a correction sends the next one. */
  version: z.number().int().positive(),
  heldAt: z.string(),
  kind: z.string(),
  /** Present and eligible members (exempted members are not eligible); null when the meeting left no attendance. */
  present: z.number().int().nonnegative().nullable(),
  eligible: z.number().int().nonnegative().nullable(),
  excused: z.array(z.strictObject({ id: Id, name: z.string() })),
  /** Rules the meeting counts toward. */
  countsFor: z.array(z.string()),
});
export type CellMeeting = z.infer<typeof CellMeeting>;

export const CellMeetings = z.strictObject({ unitId: Id, name: Text, period: PeriodId, meetings: z.array(CellMeeting) });
export type CellMeetings = z.infer<typeof CellMeetings>;

const Bilingual = z.strictObject({ vi: z.string(), en: z.string() });
export const RuleSummary = z.strictObject({
  id: z.string(),
  title: Bilingual,
  citation: z.string(),
  /** Requirement key → what one of it is called ("lần dự sinh hoạt với đảng ủy xã"). */
  labels: z.record(z.string(), Bilingual),
});
export type RuleSummary = z.infer<typeof RuleSummary>;
