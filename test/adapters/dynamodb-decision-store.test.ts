/** The decision store against dynalite: one decision per finding and action however many writers race, and a subtree's decisions by unit path. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDecisionStore } from '../../adapters/dynamodb/decision-store.ts';
import { DynamoOrgStore } from '../../adapters/dynamodb/org-store.ts';
import type { Finding } from '../../shared/contract/findings.ts';
import { parseOrg } from '../../shared/org/parse-org.ts';
import { startDynamo, type LocalDynamo } from '../support/dynamo.ts';

let dynamo: LocalDynamo;
let store: DynamoDecisionStore;

const finding = (cellId: string): Finding => ({
  kind: 'violation',
  ruleId: 'dieu-le/monthly-regular-meeting',
  subject: { type: 'cell', id: cellId },
  period: '2026-02',
  dueBy: '2026-02-28T23:59:59+07:00',
  missing: { regularMeetings: 1 },
  evidence: [],
  recipients: ['ubkt:P'],
  message: { vi: 'x', en: 'x' },
  citation: 'Điều lệ Đảng',
});
const placed = (path: string[]) => ({ finding: finding(path.at(-1)!), unitPath: path, active: true });
const identity = (cellId: string) => `violation|dieu-le/monthly-regular-meeting|cell:${cellId}|2026-02`;

beforeAll(async () => {
  dynamo = await startDynamo();
  store = new DynamoDecisionStore(dynamo.db, dynamo.table);
  // "P.N" is a prefix of "P.NL" as text: the index's trailing slash must keep their subtrees apart.
  const org = parseOrg({
    units: [
      { id: 'P', name: 'Tỉnh', kind: 'province', parentId: null },
      { id: 'P.N', name: 'Xã N', kind: 'grassroots', grassrootsType: 'commune', parentId: 'P' },
      { id: 'P.NL', name: 'Xã NL', kind: 'grassroots', grassrootsType: 'commune', parentId: 'P' },
      { id: 'P.N.C1', name: 'Chi bộ 1', kind: 'cell', cellType: 'residential', parentId: 'P.N' },
      { id: 'P.NL.C1', name: 'Chi bộ 1', kind: 'cell', cellType: 'residential', parentId: 'P.NL' },
    ],
    members: [],
    leaders: [],
  });
  if (!org.ok) throw new Error(JSON.stringify(org.issues));
  await new DynamoOrgStore(dynamo.db, dynamo.table).replace(org.value.snapshot);
});
afterAll(async () => dynamo?.stop());

describe('DynamoDecisionStore', () => {
  it('of writers racing to excuse one finding, exactly one writes; all answer the decision that stands', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => store.record(identity('P.N.C1'), placed(['P', 'P.N', 'P.N.C1']), { action: 'excuse', by: `ubkt-${i}`, at: `2026-04-04T00:00:0${i}.000Z`, reason: `lý do ${i}` })),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const standing = results.find((r) => r.created)!.decision;
    for (const r of results) expect(r.decision).toEqual(standing);
  });

  it('keeps an acknowledgement and an excuse of one finding apart, oldest first', async () => {
    await store.record(identity('P.N.C1'), placed(['P', 'P.N', 'P.N.C1']), { action: 'acknowledge', by: 'ubkt', at: '2026-04-03T00:00:00.000Z' });
    expect((await store.decisions(['P', 'P.N', 'P.N.C1'])).get(identity('P.N.C1'))!.map((d) => d.action)).toEqual(['acknowledge', 'excuse']);
  });

  it('reads a subtree’s decisions only: P.N does not see P.NL’s; the province sees both; another province none', async () => {
    await store.record(identity('P.NL.C1'), placed(['P', 'P.NL', 'P.NL.C1']), { action: 'acknowledge', by: 'ubkt', at: '2026-04-03T00:00:00.000Z' });
    expect([...(await store.decisions(['P', 'P.N'])).keys()]).toEqual([identity('P.N.C1')]);
    expect([...(await store.decisions(['P', 'P.NL'])).keys()]).toEqual([identity('P.NL.C1')]);
    expect([...(await store.decisions(['P'])).keys()].sort()).toEqual([identity('P.N.C1'), identity('P.NL.C1')]);
    expect(await store.decisions(['Q', 'Q.N'])).toEqual(new Map());
    expect(await store.finding(identity('P.N.C1'))).toBeNull();
  });
});
