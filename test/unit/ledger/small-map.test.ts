import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SmallMap } from '../../../shared/ledger/small-map.ts';

const op = fc.oneof(
  fc.record({ type: fc.constant('set' as const), key: fc.integer({ min: 0, max: 60 }), value: fc.integer() }),
  fc.record({ type: fc.constant('delete' as const), key: fc.integer({ min: 0, max: 60 }) }),
);

describe('SmallMap', () => {
  it('answers as a Map does after any sequence of sets and deletes, order included, past the switch to a Map', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), fc.array(op, { maxLength: 200 }), (k0, v0, ops) => {
        const small = new SmallMap<number, number>(k0, v0);
        const map = new Map<number, number>([[k0, v0]]);
        for (const o of ops) {
          if (o.type === 'set') {
            small.set(o.key, o.value);
            map.set(o.key, o.value);
          } else expect(small.delete(o.key)).toBe(map.delete(o.key));
          expect(small.size).toBe(map.size);
        }
        expect([...small]).toEqual([...map]);
        expect([...small.keys()]).toEqual([...map.keys()]);
        expect([...small.values()]).toEqual([...map.values()]);
        for (let k = -1; k <= 61; k++) {
          expect(small.get(k)).toBe(map.get(k));
          expect(small.has(k)).toBe(map.has(k));
        }
      }),
    );
  });
});
