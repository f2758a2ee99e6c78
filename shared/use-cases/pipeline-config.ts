import type { EngineOptions } from '../engine/engine.ts';
import type { RulePack } from '../rules/rule-pack.ts';

/** What every pipeline use case is configured with. */
export interface PipelineConfig {
  packs: readonly RulePack[];
  /** Packs that govern every unit; the others govern where the org binds them. Absent: every pack everywhere. */
  everywhere?: ReadonlySet<string>;
  /** Periods beginning before this instant, and alerts of meetings held before it, are not evaluated. */
  from: number;
}

export const engineOptions = (config: PipelineConfig): EngineOptions => (config.everywhere ? { everywhere: config.everywhere } : {});
