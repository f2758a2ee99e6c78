/** The pipeline's configuration from the function's environment. */
import { periodBounds } from '../../shared/calendar/period.ts';
import { ALWAYS_ON_PACK, BUILT_IN_PACKS } from '../../shared/rules/packs/index.ts';
import type { PipelineConfig } from '../../shared/use-cases/pipeline-config.ts';

export function requiredEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

/**
 * RULE_PACKS: packs that govern every unit, comma-separated (dieu-le always
 * does); every other built-in pack governs where the org snapshot binds it.
 * MONITOR_FROM: the first month evaluated, YYYY-MM.
 */
export function pipelineConfig(env: NodeJS.ProcessEnv = process.env): PipelineConfig {
  const names = [ALWAYS_ON_PACK, ...(env['RULE_PACKS'] ?? '').split(',').map((s) => s.trim()).filter(Boolean)];
  for (const name of names) if (!BUILT_IN_PACKS.has(name)) throw new Error(`RULE_PACKS: unknown pack "${name}"`);
  const packs = [...BUILT_IN_PACKS.values()];
  const month = env['MONITOR_FROM'] ?? '2026-01';
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error(`MONITOR_FROM: "${month}" is not a month YYYY-MM`);
  return { packs, everywhere: new Set(names), from: periodBounds(month).start };
}
