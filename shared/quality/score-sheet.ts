/**
 * A score sheet (phiếu chấm điểm chất lượng sinh hoạt chi bộ) as data: its
 * criteria, which of them the record proves (computed) and which a person
 * scores (declared), the critical ones, and the rating bands. Sheets ship in
 * the `quality` pack; the contract checks scores against them.
 */
import * as z from 'zod';
import { MeetingKind } from '../contract/events.ts';
import { Bilingual, Citation } from '../rules/rule-schema.ts';

export const CriterionId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'expected a criterion id in lower-case kebab case');
const Points = z.number().min(0).max(100);
const Percent = z.number().min(0).max(100);

/** Points when the rate reaches `percent` (strictly above it when `strict`); steps are tried in order. */
const Step = z.strictObject({ percent: Percent, points: Points, strict: z.boolean().default(false) });

const AttendanceMeasure = z.strictObject({
  measure: z.literal('attendance'),
  /** present ÷ eligible. */
  steps: z.array(Step).min(1),
  /** Below every step, or when any eligible member is absent without excuse. */
  otherwise: Points,
  /**
   * Added when, up to and including this meeting, no member has had more than `maxExcusedStreak`
   * consecutive excused absences this year, counting the cell's meetings of `kinds` (by default regular and
   * combined, as HD 12's alert counts them).
   */
  streakBonus: z.strictObject({ points: Points, maxExcusedStreak: z.number().int().min(1), kinds: z.array(MeetingKind).min(1).default(['regular', 'combined']) }).optional(),
});
const DurationMeasure = z.strictObject({
  measure: z.literal('duration'),
  /** Full marks at these minutes; less in proportion to how far short (rounded down). */
  minutesByKind: z.partialRecord(MeetingKind, z.number().int().min(1).max(1440)),
  defaultMinutes: z.number().int().min(1).max(1440),
});
const SpeakersMeasure = z.strictObject({
  measure: z.literal('speakers'),
  /** speakerCount ÷ present. */
  steps: z.array(Step).min(1),
  otherwise: Points,
});
/** Full marks when no eligible member is absent without excuse, else none. */
const NoUnexcusedMeasure = z.strictObject({ measure: z.literal('no-unexcused-absence') });

export const Measure = z.discriminatedUnion('measure', [AttendanceMeasure, DurationMeasure, SpeakersMeasure, NoUnexcusedMeasure]);
export type Measure = z.infer<typeof Measure>;

const criterionBase = { id: CriterionId, label: Bilingual, max: Points.positive(), critical: z.boolean().default(false) };

export const Criterion = z.discriminatedUnion('source', [
  z.strictObject({ ...criterionBase, source: z.literal('computed'), computed: Measure }),
  z.strictObject({
    ...criterionBase,
    source: z.literal('declared'),
    /** May be left unscored (the thematic part in a month without one); see the sheet's `normalise`. */
    optional: z.boolean().default(false),
  }),
]);
export type Criterion = z.infer<typeof Criterion>;

export const Bands = z
  .strictObject({ tot: Points, kha: Points, trungBinh: Points })
  .refine((b) => b.tot > b.kha && b.kha > b.trungBinh, 'bands must satisfy tot > kha > trungBinh');

export const ScoreSheet = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: Bilingual,
    citation: Citation,
    /** Meeting kinds the sheet scores. */
    kinds: z.array(MeetingKind).min(1),
    criteria: z.array(Criterion).min(1),
    bands: Bands.default({ tot: 90, kha: 70, trungBinh: 50 }),
    /** When optional criteria are unscored: scale the rest up to the full sheet (true) or count them as 0 (false). */
    normalise: z.boolean(),
    /** false when the weights are ours, the issuer having published only the indicators. */
    weightsPublished: z.boolean(),
  })
  .superRefine((sheet, ctx) => {
    const seen = new Set<string>();
    sheet.criteria.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: ['criteria', i, 'id'], message: `duplicate criterion ${c.id}` });
      seen.add(c.id);
      if (c.source !== 'computed') return;
      const m = c.computed;
      const best = m.measure === 'attendance' ? Math.max(...m.steps.map((s) => s.points)) + (m.streakBonus?.points ?? 0) : m.measure === 'speakers' ? Math.max(...m.steps.map((s) => s.points)) : c.max;
      if (best !== c.max) ctx.addIssue({ code: 'custom', path: ['criteria', i, 'computed'], message: `the best score of criterion ${c.id} is ${best}, not its maximum ${c.max}` });
    });
  });
export type ScoreSheet = z.infer<typeof ScoreSheet>;
export type ScoreSheetInput = z.input<typeof ScoreSheet>;
