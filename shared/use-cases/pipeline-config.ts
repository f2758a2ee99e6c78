import type { RulePack } from '../rules/rule-pack.ts';

/** What every pipeline use case is configured with. */
export interface PipelineConfig {
  packs: readonly RulePack[];
  /** Periods beginning before this instant, and alerts of meetings held before it, are not evaluated. */
  from: number;
}
