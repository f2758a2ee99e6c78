/** What the page shows now: the period, the unit, the view, and the heatmap it loaded (which also lists units and leaders). */
import type { Heatmap, RuleSummary } from '../../shared/contract/dashboard.ts';
import type { PeriodId } from '../../shared/contract/findings.ts';

export type View = 'heatmap' | 'quotas' | 'inbox' | 'kpis';

export interface State {
  period: PeriodId;
  unitId: string | undefined;
  view: View;
  heatmap: Heatmap | null;
  rules: Map<string, RuleSummary>;
  /** Unit rows of the heatmap folded away. */
  collapsed: Set<string>;
}

export const state: State = { period: '2026-Q1', unitId: undefined, view: 'heatmap', heatmap: null, rules: new Map(), collapsed: new Set() };

/** The instant the server's figures hold at (its clock may be simulated). */
export const asOf = (): number => (state.heatmap ? Date.parse(state.heatmap.asOf) : Date.now());
