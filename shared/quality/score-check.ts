/**
 * Scores in a record checked against the sheet they name: a known
 * sheet for the meeting's kind, declared criteria only, none above its
 * maximum. Issues name the field (`quality.scores.preparation`).
 */
import type { ScoreSheetInput } from './score-sheet.ts';
import { SHIPPED_SHEETS } from './sheets.ts';

export interface QualityInput {
  sheet: string;
  scoredBy: 'self' | 'upper';
  scores: Record<string, number>;
  selfScores?: Record<string, number> | undefined;
}

export interface ScoreIssue {
  path: Array<string | number>;
  message: string;
}

export const SHIPPED_SHEETS_BY_ID: ReadonlyMap<string, ScoreSheetInput> = new Map(SHIPPED_SHEETS.map((s) => [s.id, s]));

export function qualityIssues(quality: QualityInput, kind: string, sheets: ReadonlyMap<string, ScoreSheetInput>): ScoreIssue[] {
  const sheet = sheets.get(quality.sheet);
  if (!sheet) return [{ path: ['sheet'], message: `unknown score sheet ${quality.sheet}; known: ${[...sheets.keys()].join(', ')}` }];
  const issues: ScoreIssue[] = [];
  if (!(sheet.kinds as readonly string[]).includes(kind)) issues.push({ path: ['sheet'], message: `sheet ${sheet.id} scores ${sheet.kinds.join(', ')} meetings, not ${kind}` });
  if (quality.selfScores !== undefined && quality.scoredBy !== 'upper') issues.push({ path: ['selfScores'], message: 'selfScores go with scoredBy "upper" (the cell’s own scores beside the upper level’s)' });
  const check = (field: 'scores' | 'selfScores', scores: Record<string, number>) => {
    for (const [id, points] of Object.entries(scores)) {
      const criterion = sheet.criteria.find((c) => c.id === id);
      if (!criterion) issues.push({ path: [field, id], message: `sheet ${sheet.id} has no criterion ${id}` });
      else if (criterion.source === 'computed') issues.push({ path: [field, id], message: `criterion ${id} is computed from the record, not scored` });
      else if (points > criterion.max) issues.push({ path: [field, id], message: `at most ${criterion.max} points for ${id}, got ${points}` });
    }
  };
  check('scores', quality.scores);
  if (quality.selfScores !== undefined) check('selfScores', quality.selfScores);
  return issues;
}
