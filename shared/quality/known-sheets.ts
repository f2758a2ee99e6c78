/**
 * The score sheets a record may name where packs are loaded: the shipped
 * ones, with those the packs carry (a pack's sheet replaces a shipped one of
 * its id, so a pack file can bring a province's own sheet or revise one).
 */
import type { RulePack } from '../rules/rule-pack.ts';
import { SHIPPED_SHEETS_BY_ID } from './score-check.ts';
import type { ScoreSheet, ScoreSheetInput } from './score-sheet.ts';

export interface SheetConflict {
  sheetId: string;
  packs: [string, string];
}

/** The known sheets, or the first two packs that give one sheet id two different definitions. */
export function knownSheets(packs: readonly RulePack[]): { sheets: ReadonlyMap<string, ScoreSheetInput> } | { conflict: SheetConflict } {
  const fromPacks = new Map<string, { sheet: ScoreSheet; pack: string; json: string }>();
  for (const pack of packs) {
    for (const rule of pack.rules) {
      if (!('sheets' in rule)) continue;
      for (const sheet of rule.sheets) {
        const json = JSON.stringify(sheet);
        const seen = fromPacks.get(sheet.id);
        if (seen && seen.json !== json) return { conflict: { sheetId: sheet.id, packs: [seen.pack, pack.id] } };
        if (!seen) fromPacks.set(sheet.id, { sheet, pack: pack.id, json });
      }
    }
  }
  const sheets = new Map(SHIPPED_SHEETS_BY_ID);
  for (const [id, { sheet }] of fromPacks) sheets.set(id, sheet);
  return { sheets };
}
