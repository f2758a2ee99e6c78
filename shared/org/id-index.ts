/**
 * Row numbers by id, for millions of ids: open addressing over an Int32Array
 * rather than a Map, which for a country's 5.6 million members took about
 * four times the memory and three times the time to fill (a Map rehashes
 * every entry each time it doubles). The ids themselves stay in the caller's
 * array; a slot holds a row and its id's hash side by side, so a probe reads
 * an id only when the hashes agree.
 */
const EMPTY = -1;

/** FNV-1a over the UTF-16 code units. */
function hashOf(id: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < id.length; k++) h = Math.imul(h ^ id.charCodeAt(k), 0x01000193);
  return h | 0;
}

export class IdIndex {
  /** Pairs (row, hash); a slot is empty when its row is EMPTY. */
  private slots = new Int32Array(2 << 10).fill(EMPTY);
  private count = 0;

  /** `ids[row]` is the id of each row added. */
  constructor(private readonly ids: readonly string[]) {}

  get(id: string): number | undefined {
    const hash = hashOf(id);
    const { slots } = this;
    const mask = (slots.length >> 1) - 1;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const row = slots[2 * s]!;
      if (row === EMPTY) return undefined;
      if (slots[2 * s + 1] === hash && this.ids[row] === id) return row;
    }
  }

  /** Adds the row whose id is `ids[row]`; false, and nothing added, when that id is already there. */
  add(row: number): boolean {
    const id = this.ids[row]!;
    const hash = hashOf(id);
    const { slots } = this;
    const mask = (slots.length >> 1) - 1;
    let s = hash & mask;
    for (; slots[2 * s] !== EMPTY; s = (s + 1) & mask) if (slots[2 * s + 1] === hash && this.ids[slots[2 * s]!] === id) return false;
    slots[2 * s] = row;
    slots[2 * s + 1] = hash;
    // At most half full, so a probe ends soon.
    if (++this.count * 4 > slots.length) this.grow();
    return true;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2).fill(EMPTY);
    const mask = (slots.length >> 1) - 1;
    for (let k = 0; k < old.length; k += 2) {
      if (old[k] === EMPTY) continue;
      let s = old[k + 1]! & mask;
      while (slots[2 * s] !== EMPTY) s = (s + 1) & mask;
      slots[2 * s] = old[k]!;
      slots[2 * s + 1] = old[k + 1]!;
    }
    this.slots = slots;
  }
}
