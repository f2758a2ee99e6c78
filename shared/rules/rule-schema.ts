/** The parts every rule shares, whatever its template (RULES.md, "Packs and rules"). */
import * as z from 'zod';
import { CellType, GrassrootsType, UnitKind, type Unit } from '../contract/org.ts';
import { MeetingKind, type MeetingKind as MeetingKindT } from '../contract/events.ts';
import { Id, LocalDate, Text } from '../contract/primitives.ts';

export const Bilingual = z.strictObject({ vi: Text, en: Text });
export type Bilingual = z.infer<typeof Bilingual>;

export const RuleId = z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'expected <pack>/<rule> in lower-case kebab case');

/** Where a rule comes from: "Điều lệ Đảng, Điều 24", "Quy định 18-QĐ/TU (Yên Bái, 16/4/2019)". */
export const Citation = z.strictObject({
  document: Bilingual,
  article: Bilingual.optional(),
  issuer: Text.optional(),
  /** The date the document was issued; absent for a documented practice with no dated text. */
  date: LocalDate.optional(),
});
export type Citation = z.infer<typeof Citation>;

/** Units a rule speaks of; every listed condition must hold (an absent one always holds). */
export const UnitSelector = z.strictObject({
  kinds: z.array(UnitKind).min(1).optional(),
  grassrootsTypes: z.array(GrassrootsType).min(1).optional(),
  cellTypes: z.array(CellType).min(1).optional(),
  tags: z.array(Id).min(1).optional(),
});
export type UnitSelector = z.infer<typeof UnitSelector>;

export function unitMatches(selector: UnitSelector | undefined, unit: Unit): boolean {
  if (!selector) return true;
  if (selector.kinds && !selector.kinds.includes(unit.kind)) return false;
  if (selector.grassrootsTypes && (unit.grassrootsType === undefined || !selector.grassrootsTypes.includes(unit.grassrootsType))) return false;
  if (selector.cellTypes && (unit.cellType === undefined || !selector.cellTypes.includes(unit.cellType))) return false;
  if (selector.tags && !selector.tags.every((t) => unit.tags.includes(t))) return false;
  return true;
}

/** A kind of meeting at a kind of unit, e.g. "a committee meeting of a commune grassroots unit". */
export const MeetingPredicate = z.strictObject({
  kinds: z.array(MeetingKind).min(1).optional(),
  unit: UnitSelector.optional(),
});
export type MeetingPredicate = z.infer<typeof MeetingPredicate>;

export function meetingMatches(predicate: MeetingPredicate, kind: MeetingKindT, unit: Unit): boolean {
  return (predicate.kinds === undefined || predicate.kinds.includes(kind)) && unitMatches(predicate.unit, unit);
}

export const Days = z.number().int().min(0).max(366);

const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

/** Message templates for the finding kinds a template raises, with only the placeholders it fills. */
export function messagesFor<K extends 'violation' | 'reminder' | 'alert'>(kinds: readonly K[], placeholders: readonly string[]) {
  const allowed = new Set(['subject', 'period', 'citation', ...placeholders]);
  const shape = Object.fromEntries(kinds.map((k) => [k, Bilingual])) as Record<K, typeof Bilingual>;
  return z.strictObject(shape).superRefine((messages, ctx) => {
    for (const [kind, text] of Object.entries(messages) as Array<[string, Bilingual]>) {
      for (const lang of ['vi', 'en'] as const) {
        for (const match of text[lang].matchAll(PLACEHOLDER)) {
          if (!allowed.has(match[1]!)) {
            ctx.addIssue({ code: 'custom', path: [kind, lang], message: `unknown placeholder {${match[1]}}; this template fills ${[...allowed].map((p) => `{${p}}`).join(', ')}` });
          }
        }
      }
    }
  });
}

/** Fields every rule has, whatever its template. */
export const ruleBase = {
  id: RuleId,
  title: Bilingual,
  citation: Citation,
  validFrom: LocalDate,
  validTo: LocalDate.optional(),
  /** Days after a deadline before an unmet obligation is a violation; the pack's default when absent. */
  graceDays: Days.optional(),
};
