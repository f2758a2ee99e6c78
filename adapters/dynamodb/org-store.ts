/** The org snapshot in the table: replaced whole by PUT /org, read in parts by the handlers. */
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Member, OrgSnapshot, Unit } from '../../shared/contract/org.ts';
import { OrgIndex } from '../../shared/org/org-index.ts';
import { MapReferences, type OrgReferences, type UnitReference } from '../../shared/org/org-references.ts';
import type { OrgCounts, OrgStore } from '../../shared/ports/org-store.ts';
import { mapLimit } from '../../shared/concurrency.ts';
import { batchGet, batchWrite, queryAll, type WriteRequest } from './batch.ts';
import { isMemberPage, leaderKey, orgItemKind, orgSortPrefix, memberPageKey, ORG_META, provincePartition, UNIT_SK, unitKey } from './keys.ts';
import { orgItems, snapshotFromItems, type LeaderItem, type MemberPageItem, type UnitItem } from './org-items.ts';
import { TABLE } from './table-definition.ts';

interface OrgMeta extends OrgCounts {
  provinces: string[];
}

export class DynamoOrgStore implements OrgStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** Writes the new items, then deletes what the old snapshot had and the new one has not. */
  /** `onProgress` hears items written of the snapshot's total (deletes of what is gone come after and are not counted). */
  async replace(snapshot: OrgSnapshot, onProgress?: (written: number, total: number) => void): Promise<OrgCounts> {
    const items = orgItems(snapshot);
    const previous = await this.meta();
    const keep = new Set<string>();
    const puts: WriteRequest[] = [];
    for (const item of [...items.units, ...items.memberPages, ...items.leaders]) {
      keep.add(`${item.pk}|${item.sk}`);
      puts.push({ put: item as unknown as Record<string, unknown> });
    }
    let written = 0;
    await batchWrite(this.db, this.table, puts, 4, (n) => onProgress?.((written += n), puts.length));
    const stale: WriteRequest[] = [];
    for (const provinceId of new Set([...(previous?.provinces ?? []), ...items.provinces, '-'])) {
      for (const item of await this.provinceItems(provinceId)) {
        const key = { pk: String(item['pk']), sk: String(item['sk']) };
        if (!keep.has(`${key.pk}|${key.sk}`)) stale.push({ delete: key });
      }
    }
    await batchWrite(this.db, this.table, stale);
    const counts = { units: snapshot.units.length, members: snapshot.members.length, leaders: snapshot.leaders.length };
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...ORG_META, ...counts, provinces: items.provinces } }));
    return counts;
  }

  async meta(): Promise<OrgMeta | null> {
    const res = await this.db.send(new GetCommand({ TableName: this.table, Key: ORG_META, ConsistentRead: true }));
    return (res.Item as OrgMeta | undefined) ?? null;
  }

  async provinces(): Promise<readonly string[]> {
    return (await this.meta())?.provinces ?? [];
  }

  async unitPaths(unitIds: readonly string[]): Promise<Map<string, string[]>> {
    const items = await batchGet(this.db, this.table, unitIds.map(unitKey));
    const out = new Map<string, string[]>();
    for (const item of items.values()) out.set((item as unknown as UnitItem).unit.id, (item as unknown as UnitItem).path);
    return out;
  }

  /**
   * One wave of reads: a Query of each unit's partition (its item and its
   * member pages together, so the page count need not be read first) beside
   * one BatchGet of the leaders.
   */
  async eventReferences(unitIds: readonly string[], leaderIds: readonly string[]): Promise<OrgReferences> {
    const [partitions, leaderItems] = await Promise.all([
      mapLimit(unitIds, 16, (id) => queryAll(this.db, { TableName: this.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': unitKey(id).pk } })),
      batchGet(this.db, this.table, leaderIds.map(leaderKey)),
    ]);
    const units = new Map<string, UnitReference>();
    for (const items of partitions) {
      const unit = items.find((i) => i['sk'] === UNIT_SK) as unknown as UnitItem | undefined;
      if (!unit) continue;
      const members = items.filter((i) => isMemberPage(String(i['sk']))).flatMap((p) => (p as unknown as MemberPageItem).members.map((m) => m.id));
      units.set(unit.unit.id, { path: unit.path, attendees: new Set([...members, ...(unit.committee ?? [])]) });
    }
    const leaders = new Map<string, ReadonlySet<string>>();
    for (const item of leaderItems.values()) {
      const { leader, units: served } = item as unknown as LeaderItem;
      // A leader item's units are those of its positions and assignments with their ancestors: the roots are the provinces.
      leaders.set(leader.id, new Set(served.filter((u) => u.parentId === null).map((u) => u.id)));
    }
    return new MapReferences(units, leaders);
  }

  async provinceUnits(provinceId: string): Promise<Array<{ unit: Unit; path: string[] }>> {
    const items = (await this.provinceRange(provinceId, 'unit')) as unknown as UnitItem[];
    return items.map((i) => ({ unit: i.unit, path: i.path }));
  }

  /**
   * The unit's partition (its item and member pages) beside the named
   * leaders: one wave. With `covering`, two more: the ancestors' items (who
   * serves at each), then those leaders' items.
   */
  async unitOrg(unitId: string, options: { leaderIds?: readonly string[]; covering?: boolean }): Promise<OrgIndex | null> {
    const named = options.leaderIds ?? [];
    const [partition, leaderItems] = await Promise.all([
      queryAll(this.db, { TableName: this.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': unitKey(unitId).pk } }),
      batchGet(this.db, this.table, named.map(leaderKey)),
    ]);
    const unit = partition.find((i) => i['sk'] === UNIT_SK) as unknown as UnitItem | undefined;
    if (!unit) return null;
    const members = partition.filter((i) => isMemberPage(String(i['sk']))).flatMap((p) => (p as unknown as MemberPageItem).members);
    const leaders = [...leaderItems.values()] as unknown as LeaderItem[];
    if (options.covering) leaders.push(...(await this.coveringLeaders(unit, new Set(named))));
    const snapshot = snapshotFromItems([unit], leaders, members);
    // The unit's own members in its pages' order (the snapshot's, a roster's), before leaders' memberships elsewhere.
    const rank = new Map(members.map((m, i) => [m.id, i]));
    snapshot.members.sort((a, b) => (rank.get(a.id) ?? members.length) - (rank.get(b.id) ?? members.length));
    return new OrgIndex(snapshot);
  }

  /** The leaders at the unit or an ancestor, but those already read. */
  private async coveringLeaders(unit: UnitItem, read: ReadonlySet<string>): Promise<LeaderItem[]> {
    const ancestors = await batchGet(this.db, this.table, unit.path.slice(0, -1).map(unitKey));
    const onPath = [unit, ...([...ancestors.values()] as unknown as UnitItem[])];
    if (onPath.some((u) => u.leaderIds === undefined)) {
      // Items written before units named their leaders: the province's leaders, kept when they serve on the path.
      const all = (await this.provinceRange(unit.provinceId, 'leader')) as unknown as LeaderItem[];
      const path = new Set(unit.path);
      return all.filter((l) => !read.has(l.leader.id) && [...l.leader.positions, ...l.leader.assignments].some((p) => path.has(p.unitId)));
    }
    const ids = [...new Set(onPath.flatMap((u) => u.leaderIds ?? []))].filter((id) => !read.has(id));
    return [...(await batchGet(this.db, this.table, ids.map(leaderKey))).values()] as unknown as LeaderItem[];
  }

  /** Unit and leader items by id (one round trip), for building a partial org. */
  async unitsAndLeaders(unitIds: readonly string[], leaderIds: readonly string[]): Promise<{ units: UnitItem[]; leaders: LeaderItem[] }> {
    const items = await batchGet(this.db, this.table, [...unitIds.map(unitKey), ...leaderIds.map(leaderKey)]);
    const units: UnitItem[] = [];
    const leaders: LeaderItem[] = [];
    for (const item of items.values()) {
      if (item['sk'] === UNIT_SK) units.push(item as unknown as UnitItem);
      else leaders.push(item as unknown as LeaderItem);
    }
    return { units, leaders };
  }

  /** The members of cells whose unit items are known (their page counts). */
  async members(units: readonly UnitItem[]): Promise<Member[]> {
    const keys = units.flatMap((u) => Array.from({ length: u.memberPages }, (_, page) => memberPageKey(u.unit.id, page)));
    if (keys.length === 0) return [];
    const pages = await batchGet(this.db, this.table, keys);
    return [...pages.values()].flatMap((p) => (p as unknown as MemberPageItem).members);
  }

  /** The whole org of one province (units, leaders, members): read when a sweep opens a new period. */
  async provinceOrg(provinceId: string): Promise<OrgIndex> {
    const items = await this.provinceItems(provinceId);
    const units = items.filter((i) => orgItemKind(String(i['gsi2sk'])) === 'unit') as unknown as UnitItem[];
    const leaders = items.filter((i) => orgItemKind(String(i['gsi2sk'])) === 'leader') as unknown as LeaderItem[];
    const members = (items.filter((i) => orgItemKind(String(i['gsi2sk'])) === 'memberPage') as unknown as MemberPageItem[]).flatMap((p) => p.members);
    return new OrgIndex(snapshotFromItems(units, leaders, members));
  }

  /** One kind of org item of a province, from by-province. */
  private provinceRange(provinceId: string, kind: keyof typeof orgSortPrefix): Promise<Array<Record<string, unknown>>> {
    return queryAll(this.db, {
      TableName: this.table,
      IndexName: TABLE.indexes.byProvince.indexName,
      KeyConditionExpression: 'gsi2pk = :p AND begins_with(gsi2sk, :k)',
      ExpressionAttributeValues: { ':p': provincePartition(provinceId), ':k': orgSortPrefix[kind] },
    });
  }

  private provinceItems(provinceId: string): Promise<Array<Record<string, unknown>>> {
    return queryAll(this.db, {
      TableName: this.table,
      IndexName: TABLE.indexes.byProvince.indexName,
      KeyConditionExpression: 'gsi2pk = :p AND gsi2sk > :f',
      // Findings share the partition under "FINDING#…"; "$" sorts right after "#", so the range skips them all.
      ExpressionAttributeValues: { ':p': provincePartition(provinceId), ':f': 'FINDING$' },
    });
  }
}
