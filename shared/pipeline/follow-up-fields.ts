/**
 * The follow-up fields the packs watch (e.g. resolutionIssued), by rule id.
 * A follow-up is a fact about the meeting, not about one version: the engine
 * keeps the earliest time any version set it, and the pipeline copies that
 * time onto the entries of the rules that watch the field.
 */
import type { MeetingRecorded } from '../contract/events.ts';
import { followUpSet } from '../engine/follow-up-set.ts';
import type { RulePack } from '../rules/rule-pack.ts';
import { templateOf } from '../rules/templates/index.ts';

const byPacks = new WeakMap<readonly RulePack[], ReadonlyMap<string, string>>();

/** Computed once per configuration's packs: every meeting event asks. */
export function followUpFieldsByRule(packs: readonly RulePack[]): ReadonlyMap<string, string> {
  const known = byPacks.get(packs);
  if (known) return known;
  const byRule = new Map<string, string>();
  const seen = new Set<string>();
  for (const pack of packs) {
    for (const rule of pack.rules) {
      // The first pack to name a rule id wins, as in the engine.
      if (seen.has(rule.id)) continue;
      seen.add(rule.id);
      const field = templateOf(rule).followUpField?.(rule);
      if (field !== undefined) byRule.set(rule.id, field);
    }
  }
  byPacks.set(packs, byRule);
  return byRule;
}

/** The watched fields this version sets. */
export function followUpsSetBy(event: MeetingRecorded, fields: Iterable<string>): string[] {
  return [...new Set(fields)].filter((field) => followUpSet(event, field));
}
