/** DecisionStore over Maps, for route tests without a store (the Dynamo one is tested against dynalite). */
import type { Decision } from '../../shared/contract/decisions.ts';
import type { DecisionStore, PlacedFinding } from '../../shared/ports/decision-store.ts';

export class MapDecisions implements DecisionStore {
  readonly placed = new Map<string, PlacedFinding>();
  readonly recorded = new Map<string, { unitPath: string[]; decisions: Decision[] }>();

  async finding(identity: string): Promise<PlacedFinding | null> {
    return this.placed.get(identity) ?? null;
  }

  async record(identity: string, placed: PlacedFinding, decision: Decision): Promise<{ decision: Decision; created: boolean }> {
    const r = this.recorded.get(identity) ?? { unitPath: placed.unitPath, decisions: [] };
    const existing = r.decisions.find((d) => d.action === decision.action);
    if (existing) return { decision: existing, created: false };
    r.decisions.push(decision);
    this.recorded.set(identity, r);
    return { decision, created: true };
  }

  async decisions(unitPath: readonly string[]): Promise<Map<string, Decision[]>> {
    return new Map([...this.recorded].filter(([, r]) => r.unitPath.includes(unitPath.at(-1)!)).map(([id, r]) => [id, r.decisions]));
  }
}
