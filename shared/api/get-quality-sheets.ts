/**
 * GET /quality-sheets: the score sheets a record's `quality` may name where
 * the pipeline's packs are loaded (the shipped ones, and any a pack carries),
 * with each criterion's maximum, so the form can ask for the scores.
 */
import type { SheetView } from '../contract/recording.ts';
import { knownSheets } from '../quality/known-sheets.ts';
import { ScoreSheet } from '../quality/score-sheet.ts';
import { SHIPPED_SHEETS_BY_ID } from '../quality/score-check.ts';
import { citationText } from '../rules/messages.ts';
import type { RulePack } from '../rules/rule-pack.ts';
import { apiError, type ApiDeps, type ApiResponse, type RoutedRequest } from './api-types.ts';
import { configOf } from './api-config.ts';

const views = new WeakMap<readonly RulePack[], SheetView[]>();

function sheetViews(packs: readonly RulePack[]): SheetView[] {
  const cached = views.get(packs);
  if (cached) return cached;
  const known = knownSheets(packs);
  // Two packs defining one sheet differently cannot be loaded by the pipeline either; the shipped sheets are what stands.
  const sheets = 'conflict' in known ? SHIPPED_SHEETS_BY_ID : known.sheets;
  const out = [...sheets.values()]
    .map((input) => ScoreSheet.parse(input))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((s) => ({
      id: s.id,
      name: s.name,
      citation: citationText(s.citation),
      kinds: s.kinds,
      criteria: s.criteria.map((c) => ({ id: c.id, label: c.label, max: c.max, source: c.source, optional: c.source === 'declared' && c.optional, critical: c.critical })),
    }));
  views.set(packs, out);
  return out;
}

export async function getQualitySheets(req: RoutedRequest, deps: ApiDeps): Promise<ApiResponse> {
  if (Object.keys(req.query).length > 0) return apiError(400, 'bad query', { errors: Object.keys(req.query).map((k) => ({ path: k, message: 'unknown parameter' })) });
  return { status: 200, body: sheetViews(configOf(deps).packs) };
}
