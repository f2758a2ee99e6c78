/** What the page shows now: the period, the unit, the view, and the heatmap it loaded (which also lists units and leaders). */
import type { Heatmap, RuleSummary } from '../../shared/contract/dashboard.ts';
import type { PeriodId } from '../../shared/contract/findings.ts';

export type View = 'heatmap' | 'quotas' | 'inbox' | 'kpis' | 'record';

export interface State {
  period: PeriodId;
  unitId: string | undefined;
  view: View;
  heatmap: Heatmap | null;
  rules: Map<string, RuleSummary>;
  /** Unit rows of the heatmap folded away. */
  collapsed: Set<string>;
  /** Cells the caller may record for (GET /cells answered): null for a caller who records nothing, and no "Ghi biên bản" tab. */
  recordable: Set<string> | null;
  /** A record went in since the heatmap was read: read it again before showing it. */
  stale: boolean;
  /** When the heatmap (and its asOf) arrived, by this machine's clock. */
  loadedAt: number;
}

export const state: State = { period: '2026-Q1', unitId: undefined, view: 'heatmap', heatmap: null, rules: new Map(), collapsed: new Set(), recordable: null, stale: false, loadedAt: Date.now() };

/** The instant the server's figures hold at (its clock may be simulated). */
export const asOf = (): number => (state.heatmap ? Date.parse(state.heatmap.asOf) : Date.now());
/** The monitor's now: its clock at the last read, moved on by the time since (a demo's clock is simulated; a phone's may be wrong). */
export const serverNow = (): number => asOf() + (state.heatmap ? Date.now() - state.loadedAt : 0);
