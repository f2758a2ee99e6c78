/** The read side of the ledger for the HTTP API: one Query or BatchGet per request. */
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { compareFindings, type Finding, type FindingKind } from '../../shared/contract/findings.ts';
import type { ObligationView } from '../../shared/contract/obligations.ts';
import type { LedgerQueries, MeetingHeld, Scoped } from '../../shared/ports/ledger-queries.ts';
import { batchGet, queryAll } from './batch.ts';
import { entryPeriodPrefix, meetingIdOf, meetingKey, provincePartition, subjectPartition, unitKey, unitPathPrefix } from './keys.ts';
import type { UnitItem } from './org-items.ts';
import { TABLE } from './table-definition.ts';

export class DynamoLedgerQueries implements LedgerQueries {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async findings(query: { unitId: string; period?: string; kind?: FindingKind }): Promise<Finding[]> {
    const unit = (await batchGet(this.db, this.table, [unitKey(query.unitId)])).values().next().value as unknown as UnitItem | undefined;
    if (!unit) return [];
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: TABLE.indexes.byProvince.indexName,
      KeyConditionExpression: 'gsi2pk = :p AND begins_with(gsi2sk, :path)',
      ExpressionAttributeValues: { ':p': provincePartition(unit.provinceId), ':path': unitPathPrefix(unit.path) },
    });
    return items
      .map((item) => item['finding'] as Finding)
      .filter((f) => (query.period === undefined || f.period === query.period) && (query.kind === undefined || f.kind === query.kind))
      .sort(compareFindings);
  }

  async obligations(query: { subjectId: string; period?: string }): Promise<Array<Scoped<ObligationView>>> {
    const res = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': subjectPartition(query.subjectId), ':prefix': entryPeriodPrefix(query.period) },
      }),
    );
    const entries = (res.Items ?? []).filter((i) => i['obligation'] != null);
    const unitIds = [...new Set(entries.map((i) => String(i['unitId'])))];
    const units = await batchGet(this.db, this.table, unitIds.map(unitKey));
    const pathOf = (unitId: string) => (units.get(`${unitKey(unitId).pk}|UNIT`) as unknown as UnitItem | undefined)?.path ?? [unitId];
    return entries.map((i) => ({ value: i['obligation'] as ObligationView, unitPath: pathOf(String(i['unitId'])) }));
  }

  async seenEventIds(events: ReadonlyArray<{ eventId: string; meetingId: string }>): Promise<Set<string>> {
    const items = await batchGet(this.db, this.table, events.map((e) => meetingKey(e.meetingId)));
    const seen = new Set<string>();
    for (const e of events) {
      const ids = items.get(`${meetingKey(e.meetingId).pk}|MEETING`)?.['eventIds'] as Set<string> | undefined;
      if (ids?.has(e.eventId)) seen.add(e.eventId);
    }
    return seen;
  }

  async meetingsHeld(meetingIds: readonly string[]): Promise<Map<string, MeetingHeld>> {
    const items = await batchGet(this.db, this.table, meetingIds.map(meetingKey));
    const out = new Map<string, MeetingHeld>();
    for (const i of items.values()) {
      if (typeof i['unitId'] === 'string') out.set(meetingIdOf(String(i['pk'])), { unitId: i['unitId'], heldAt: typeof i['heldAt'] === 'number' ? i['heldAt'] : null });
    }
    return out;
  }

  async meetingUnits(meetingIds: readonly string[]): Promise<Map<string, string>> {
    const items = await batchGet(this.db, this.table, meetingIds.map(meetingKey));
    const out = new Map<string, string>();
    for (const i of items.values()) if (typeof i['unitId'] === 'string') out.set(meetingIdOf(String(i['pk'])), i['unitId']);
    return out;
  }
}
