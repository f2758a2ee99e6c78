/** Every built-in rule by id: what the report, the heatmap and GET /rules read. */
import type { Rule } from './rule-pack.ts';
import { BUILT_IN_PACKS } from './packs/index.ts';

export const RULES: ReadonlyMap<string, Rule> = new Map([...BUILT_IN_PACKS.values()].flatMap((p) => p.rules.map((r) => [r.id, r] as const)));
