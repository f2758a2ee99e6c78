/**
 * A finding about a meeting written by two entries (a scored meeting moved to
 * another cell: its rating lives in each cell's year), in the orders
 * concurrent consumers and retries can produce, on a real engine: the item
 * ends active exactly when the entry that holds the meeting's current version
 * raises it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DynamoLedgerStore } from '../../adapters/dynamodb/ledger-store.ts';
import { findingKey } from '../../adapters/dynamodb/keys.ts';
import type { Finding } from '../../shared/contract/findings.ts';
import type { EntryOutcome, StoredEntry } from '../../shared/ports/ledger-store.ts';
import { startDynamo, type LocalDynamo } from '../support/dynamo.ts';

const IDENTITY = 'alert|quality/rating-below-kha|meeting:M-q|2026-01';
const finding = { kind: 'alert', ruleId: 'quality/rating-below-kha', subject: { type: 'meeting', id: 'M-q' }, period: '2026-01' } as unknown as Finding;
const NOW = 1_775_000_000_000;

/** Entry `cell`'s outcome at `rev`, its register of M-q at `version`: raising the finding, or dropping one it raised before. */
function outcome(cell: string, rev: number, version: number, raises: boolean): EntryOutcome {
  const entry: StoredEntry = {
    ruleId: 'quality/rating-below-kha',
    subject: { type: 'cell', id: cell },
    period: '2026',
    rev,
    registers: new Map([['M-q', { version, eventId: `e-${version}`, unitId: cell, heldAt: 0, kind: 'regular', slots: {} }]]),
    followUps: new Map(),
    saved: { raised: raises ? {} : { [IDENTITY]: 'before' }, status: null, attentionAt: null, view: null },
  };
  return { entry, placement: { unitId: cell, unitPath: ['LC', cell], provinceId: 'LC' }, status: null, attentionAt: null, view: null, raised: raises ? { [IDENTITY]: finding } : {}, dropped: raises ? [] : [IDENTITY], changed: true };
}

let dynamo: LocalDynamo;
let store: DynamoLedgerStore;
beforeEach(async () => {
  dynamo = await startDynamo();
  store = new DynamoLedgerStore(dynamo.db, dynamo.table);
});
afterEach(() => dynamo.stop());

async function active(): Promise<boolean> {
  const items = await dynamo.scanAll();
  return items.find((i) => i['pk'] === findingKey(IDENTITY).pk)?.['active'] === true;
}

describe('a finding raised from one cell’s year and dropped from another', () => {
  it('moved at v2: the new cell’s raise wins over the old cell’s drop in either order', async () => {
    for (const order of [
      ['x1', 'y2', 'x2'],
      ['x1', 'x2', 'y2'],
    ]) {
      const steps = { x1: outcome('X', 1, 1, true), y2: outcome('Y', 1, 2, true), x2: outcome('X', 5, 2, false) };
      for (const step of order) await store.saveFindings(steps[step as keyof typeof steps], NOW);
      expect(await active(), order.join()).toBe(true);
      await dynamo.stop();
      dynamo = await startDynamo();
      store = new DynamoLedgerStore(dynamo.db, dynamo.table);
    }
  });

  it('the old cell’s drop of a later version (its outcome not saved in time) does not switch off what the new cell raised', async () => {
    await store.saveFindings(outcome('X', 1, 1, true), NOW);
    await store.saveFindings(outcome('Y', 1, 2, true), NOW);
    // v3 in Y: X still lists the finding and drops it at v3; Y's result is unchanged, so Y writes nothing.
    await store.saveFindings(outcome('X', 7, 3, false), NOW);
    expect(await active()).toBe(true);
  });

  it('the owner’s own drop lands; a write about an older version does not', async () => {
    await store.saveFindings(outcome('Y', 1, 2, true), NOW);
    await store.saveFindings(outcome('X', 9, 1, true), NOW); // a late view of v1
    expect((await dynamo.scanAll()).find((i) => i['pk'] === findingKey(IDENTITY).pk)?.['owner']).toBe('quality/rating-below-kha|cell:Y|2026');
    await store.saveFindings(outcome('Y', 2, 3, false), NOW);
    expect(await active()).toBe(false);
  });
});
