import { periodBounds } from '../calendar/period.ts';
import type { EngineOptions } from '../engine/engine.ts';
import { ALWAYS_ON_PACK, BUILT_IN_PACKS } from '../rules/packs/index.ts';
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

/**
 * The configuration from environment variables, the same for the Lambdas,
 * the embedded default and the bench. RULE_PACKS: packs that govern every
 * unit, comma-separated (dieu-le always does); every other built-in pack
 * governs where the org snapshot binds it. MONITOR_FROM: the first month
 * evaluated, YYYY-MM.
 */
export function pipelineConfig(env: Readonly<Record<string, string | undefined>>): PipelineConfig {
  const names = [ALWAYS_ON_PACK, ...(env['RULE_PACKS'] ?? '').split(',').map((s) => s.trim()).filter(Boolean)];
  for (const name of names) if (!BUILT_IN_PACKS.has(name)) throw new Error(`RULE_PACKS: unknown pack "${name}"`);
  const packs = [...BUILT_IN_PACKS.values()];
  const month = env['MONITOR_FROM'] ?? '2026-01';
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error(`MONITOR_FROM: "${month}" is not a month YYYY-MM`);
  return { packs, everywhere: new Set(names), from: periodBounds(month).start };
}
