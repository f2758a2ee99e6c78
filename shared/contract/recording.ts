/**
 * What the recording form's routes return (issue 17): the cells a caller may
 * record for, a cell's roster on a date, a record's preview, the score sheets.
 * Member and leader names are personal data: they travel in these bodies to
 * the people in scope, and never into logs or error messages.
 */
import * as z from 'zod';
import { UnitKind } from './org.ts';
import { Id, LocalDate, Text } from './primitives.ts';

/** GET /cells: a cell active on the date, with its path from the province down to it. */
/** Words for people, in Vietnamese and English (what the rules carry). */
const Bilingual = z.strictObject({ vi: z.string(), en: z.string() });

export const CellChoice = z.strictObject({ id: Id, name: Text, path: z.array(Id).min(1) });
export type CellChoice = z.infer<typeof CellChoice>;

/** An active member of the cell on the date; an exempted one (miễn sinh hoạt) is flagged and not asked about. */
export const RosterMember = z.strictObject({ id: Id, name: Text, exempt: z.boolean() });
export type RosterMember = z.infer<typeof RosterMember>;

/** GET /units/{id}/members. */
export const UnitRoster = z.strictObject({
  unit: z.strictObject({ id: Id, name: Text, kind: UnitKind }),
  date: LocalDate,
  members: z.array(RosterMember),
  /** Leaders whose positions or assignments cover the unit (at it or an ancestor) on the date: who may visit. */
  leaders: z.array(z.strictObject({ id: Id, name: Text })),
});
export type UnitRoster = z.infer<typeof UnitRoster>;

export const CheckOutcome = z.enum(['satisfies', 'breaches']);

export const PreviewCheck = z.strictObject({
  ruleId: z.string().min(1),
  title: Bilingual,
  citation: z.string(),
  outcome: CheckOutcome,
  message: Bilingual,
});
export type PreviewCheck = z.infer<typeof PreviewCheck>;

/**
 * POST /events/preview. Attendance counts the members eligible on the
 * meeting's date (active, not exempted): an eligible member the list leaves
 * out counts as absent. `rate` is present ÷ eligible to 4 decimals, null when
 * no one is eligible (a committee's meeting); `durationMinutes` is null
 * without `endedAt`.
 */
export const MeetingPreview = z.strictObject({
  attendance: z.strictObject({
    present: z.number().int().nonnegative(),
    excused: z.number().int().nonnegative(),
    absent: z.number().int().nonnegative(),
    eligible: z.number().int().nonnegative(),
    rate: z.number().min(0).max(1).nullable(),
  }),
  durationMinutes: z.number().int().nonnegative().nullable(),
  checks: z.array(PreviewCheck),
});
export type MeetingPreview = z.infer<typeof MeetingPreview>;

/** GET /quality-sheets: a sheet's criteria as the form shows them; `computed` ones the record proves, `declared` ones a person scores. */
export const SheetView = z.strictObject({
  id: z.string(),
  name: Bilingual,
  citation: z.string(),
  kinds: z.array(z.string()),
  criteria: z.array(
    z.strictObject({ id: z.string(), label: Bilingual, max: z.number().positive(), source: z.enum(['computed', 'declared']), optional: z.boolean(), critical: z.boolean() }),
  ),
});
export type SheetView = z.infer<typeof SheetView>;
