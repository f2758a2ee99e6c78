/**
 * The members of an org as columns: a country has 5.6 million, and as one
 * object each (with its strings, its exemption list and two map entries) they
 * filled most of V8's heap. Here a member is a row of small integers; names,
 * cells and dates are interned, since they repeat by the thousand. A member
 * is made an object again only when asked for (`get`, `inCell`), and a cell's
 * members are kept for a while, since a meeting's checks ask for them often.
 */
import type { Exemption, Member } from '../contract/org.ts';
import { IdIndex } from './id-index.ts';

const ABSENT = -1;
const NO_EXEMPTIONS: Exemption[] = Object.freeze([]) as unknown as Exemption[];
/** Members kept made up, by whole cells; past this the cache starts over (a province has 170,000 members, a country 5.6 million). */
const CACHED_MEMBERS = 1_000_000;

/** An Int32 column that grows as rows are added. */
class Column {
  private data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** The filled part, copied to its exact length. */
  seal(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** Strings by number, each kept once. */
class Interned {
  readonly values: string[] = [];
  private numbers: Map<string, number> | null = new Map();
  /** The last string asked for: members come cell by cell, so a cell is asked for many times in a row. */
  private last = '';
  private lastNumber = -1;

  number(value: string): number {
    if (value === this.last) return this.lastNumber;
    this.last = value;
    let n = this.numbers!.get(value);
    if (n === undefined) {
      n = this.values.length;
      this.values.push(value);
      this.numbers!.set(value, n);
    }
    this.lastNumber = n;
    return n;
  }

  /** Numbers of strings already interned, kept after sealing (cells, looked up by id). */
  find(value: string): number | undefined {
    return this.numbers?.get(value);
  }

  /** No more strings: the map goes, unless it is wanted for `find`. */
  seal(keepLookup: boolean): void {
    if (!keepLookup) this.numbers = null;
  }
}

export class MemberTable {
  private readonly ids: string[] = [];
  private readonly rowOfId = new IdIndex(this.ids);
  private readonly names = new Interned();
  private readonly cells = new Interned();
  private readonly dates = new Interned();
  private nameColumn = new Column();
  private cellColumn = new Column();
  /** 0 full, 1 probationary. */
  private statusColumn = new Column();
  private joinedColumn = new Column();
  private leftColumn = new Column();
  private readonly exemptions = new Map<number, Exemption[]>();
  private sealed: {
    name: Int32Array;
    cell: Int32Array;
    status: Int32Array;
    joined: Int32Array;
    left: Int32Array;
    /** Rows grouped by cell, in the order they were added: cell c holds rows byCell[start[c]] … byCell[start[c + 1] - 1]. */
    byCell: Int32Array;
    start: Int32Array;
    /** Where each row lies in byCell, so a member is found in its cell's cached array. */
    slot: Int32Array;
  } | null = null;
  private readonly cellCache = new Map<number, Member[]>();
  private cachedMembers = 0;

  static of(members: Iterable<Member>): MemberTable {
    const table = new MemberTable();
    for (const m of members) table.add(m);
    return table.seal();
  }

  get size(): number {
    return this.ids.length;
  }

  has(id: string): boolean {
    return this.rowOfId.get(id) !== undefined;
  }

  /** Adds a validated member; false, and nothing added, when its id is already taken. */
  add(member: Member): boolean {
    if (this.sealed) throw new Error('the member table is sealed');
    const row = this.ids.length;
    this.ids.push(member.id);
    if (!this.rowOfId.add(row)) {
      this.ids.pop();
      return false;
    }
    this.nameColumn.push(this.names.number(member.name));
    this.cellColumn.push(this.cells.number(member.cellId));
    this.statusColumn.push(member.status === 'probationary' ? 1 : 0);
    this.joinedColumn.push(member.joinedOn === undefined ? ABSENT : this.dates.number(member.joinedOn));
    this.leftColumn.push(member.leftOn === undefined ? ABSENT : this.dates.number(member.leftOn));
    if (member.exemptions.length > 0) this.exemptions.set(row, member.exemptions);
    return true;
  }

  /** The cells members were added to, each once. */
  cellIds(): readonly string[] {
    return this.cells.values;
  }

  /** Ends adding: the columns shrink to their length and each cell's rows are grouped (a stable counting sort). */
  seal(): this {
    if (this.sealed) return this;
    const cell = this.cellColumn.seal();
    const start = new Int32Array(this.cells.values.length + 1);
    for (let row = 0; row < cell.length; row++) start[cell[row]! + 1]!++;
    for (let c = 0; c < this.cells.values.length; c++) start[c + 1]! += start[c]!;
    const next = start.slice(0, -1);
    const byCell = new Int32Array(cell.length);
    const slot = new Int32Array(cell.length);
    for (let row = 0; row < cell.length; row++) {
      slot[row] = next[cell[row]!]!++;
      byCell[slot[row]!] = row;
    }
    this.sealed = {
      name: this.nameColumn.seal(),
      cell,
      status: this.statusColumn.seal(),
      joined: this.joinedColumn.seal(),
      left: this.leftColumn.seal(),
      byCell,
      start,
      slot,
    };
    // The growing columns go; only the sealed copies stay.
    this.nameColumn = this.cellColumn = this.statusColumn = this.joinedColumn = this.leftColumn = new Column();
    this.names.seal(false);
    this.dates.seal(false);
    this.cells.seal(true);
    return this;
  }

  /** The same object as in its cell's members while the cell is cached: a rule asks for each attendee. */
  get(id: string): Member | undefined {
    const row = this.rowOfId.get(id);
    if (row === undefined) return undefined;
    const { cell, start, slot } = this.columns();
    const c = cell[row]!;
    return this.cellMembers(c)[slot[row]! - start[c]!];
  }

  /** The cell a member belongs to, without making the member up. */
  cellOf(id: string): string | undefined {
    const row = this.rowOfId.get(id);
    return row === undefined ? undefined : this.cells.values[this.columns().cell[row]!];
  }

  /** A cell's members, in the order they were added. */
  inCell(cellId: string): readonly Member[] {
    const c = this.cells.find(cellId);
    return c === undefined ? [] : this.cellMembers(c);
  }

  private cellMembers(c: number): readonly Member[] {
    let members = this.cellCache.get(c);
    if (members) return members;
    const { byCell, start } = this.columns();
    members = [];
    for (let k = start[c]!; k < start[c + 1]!; k++) members.push(this.member(byCell[k]!));
    if (this.cachedMembers + members.length > CACHED_MEMBERS) {
      this.cellCache.clear();
      this.cachedMembers = 0;
    }
    this.cachedMembers += members.length;
    this.cellCache.set(c, members);
    return members;
  }

  *values(): IterableIterator<Member> {
    for (let row = 0; row < this.ids.length; row++) yield this.member(row);
  }

  private columns(): NonNullable<MemberTable['sealed']> {
    if (!this.sealed) throw new Error('the member table is not sealed');
    return this.sealed;
  }

  /** The member of a row, made up as an object. */
  private member(row: number): Member {
    const { name, cell, status, joined, left } = this.columns();
    // Keys in the schema's order, the optional dates only when present, as zod gives them.
    const m = { id: this.ids[row]!, name: this.names.values[name[row]!]!, cellId: this.cells.values[cell[row]!]!, status: status[row] === 1 ? 'probationary' : 'full' } as Member;
    const joinedOn = joined[row]!;
    const leftOn = left[row]!;
    if (joinedOn !== ABSENT) m.joinedOn = this.dates.values[joinedOn]!;
    if (leftOn !== ABSENT) m.leftOn = this.dates.values[leftOn]!;
    m.exemptions = this.exemptions.get(row) ?? NO_EXEMPTIONS;
    return m;
  }
}
