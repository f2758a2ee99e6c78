/**
 * A map for the ledger's many tiny maps (an entry's slots, a slot's
 * meetings: one or two pairs each). A `Map` costs about 184 bytes even with
 * one pair; this holds its pairs in one flat array, `[k0, v0, k1, v1, …]`,
 * about half of that, and switches to a `Map` once it grows past a few
 * dozen pairs, so a busy entry does not pay linear lookups. Iteration order
 * is a `Map`'s: insertion order, a re-set key keeping its place and a
 * deleted one leaving it.
 */
const LARGE = 32;

export class SmallMap<K, V> implements ReadonlyMap<K, V> {
  private pairs: Array<K | V> | null;
  private map: Map<K, V> | null = null;

  constructor(key: K, value: V) {
    this.pairs = [key, value];
  }

  get size(): number {
    return this.map ? this.map.size : this.pairs!.length / 2;
  }

  get(key: K): V | undefined {
    if (this.map) return this.map.get(key);
    const pairs = this.pairs!;
    for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === key) return pairs[i + 1] as V;
    return undefined;
  }

  has(key: K): boolean {
    if (this.map) return this.map.has(key);
    return this.indexOf(key) >= 0;
  }

  set(key: K, value: V): this {
    if (this.map) {
      this.map.set(key, value);
      return this;
    }
    const pairs = this.pairs!;
    const at = this.indexOf(key);
    if (at >= 0) pairs[at + 1] = value;
    else if (pairs.length < 2 * LARGE) pairs.push(key, value);
    else {
      this.map = new Map(this.entries());
      this.map.set(key, value);
      this.pairs = null;
    }
    return this;
  }

  delete(key: K): boolean {
    if (this.map) return this.map.delete(key);
    const at = this.indexOf(key);
    if (at < 0) return false;
    this.pairs!.splice(at, 2);
    return true;
  }

  *entries(): MapIterator<[K, V]> {
    if (this.map) return yield* this.map.entries();
    const pairs = this.pairs!;
    for (let i = 0; i < pairs.length; i += 2) yield [pairs[i] as K, pairs[i + 1] as V];
  }

  *keys(): MapIterator<K> {
    if (this.map) return yield* this.map.keys();
    const pairs = this.pairs!;
    for (let i = 0; i < pairs.length; i += 2) yield pairs[i] as K;
  }

  *values(): MapIterator<V> {
    if (this.map) return yield* this.map.values();
    const pairs = this.pairs!;
    for (let i = 1; i < pairs.length; i += 2) yield pairs[i] as V;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [k, v] of this.entries()) callback(v, k, this);
  }

  private indexOf(key: K): number {
    const pairs = this.pairs!;
    for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === key) return i;
    return -1;
  }
}
