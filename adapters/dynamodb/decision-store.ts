/**
 * Decisions on findings (docs/data-model.md): an item per (finding, action)
 * in the finding's partition, put on condition that none is there, so a
 * retried request writes nothing twice; indexed by-province under the
 * finding's unit path, so a subtree's decisions are one Query.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Decision } from '../../shared/contract/decisions.ts';
import type { Finding } from '../../shared/contract/findings.ts';
import type { DecisionStore, PlacedFinding } from '../../shared/ports/decision-store.ts';
import { batchGet, queryAll } from './batch.ts';
import { decisionKey, decisionPathPrefix, findingKey, provincePartition, unitKey } from './keys.ts';
import type { UnitItem } from './org-items.ts';
import { TABLE } from './table-definition.ts';

const decisionOf = (item: Record<string, unknown>): Decision => item['decision'] as Decision;

export class DynamoDecisionStore implements DecisionStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async finding(identity: string): Promise<PlacedFinding | null> {
    const res = await this.db.send(new GetCommand({ TableName: this.table, Key: findingKey(identity), ConsistentRead: true }));
    const item = res.Item;
    if (!item) return null;
    const unit = (await batchGet(this.db, this.table, [unitKey(String(item['unitId']))])).values().next().value as unknown as UnitItem | undefined;
    return { finding: item['finding'] as Finding, unitPath: unit?.path ?? [String(item['provinceId']), String(item['unitId'])], active: item['active'] === true };
  }

  async record(identity: string, placed: PlacedFinding, decision: Decision): Promise<{ decision: Decision; created: boolean }> {
    const key = decisionKey(identity, decision.action);
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...key,
            decision,
            identity,
            gsi2pk: provincePartition(placed.unitPath[0]!),
            gsi2sk: `${decisionPathPrefix(placed.unitPath)}#${placed.finding.period}#${identity}#${decision.action}`,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return { decision, created: true };
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException) && (err as Error).name !== 'ConditionalCheckFailedException') throw err;
      const res = await this.db.send(new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true }));
      return { decision: decisionOf(res.Item!), created: false };
    }
  }

  async decisions(unitPath: readonly string[]): Promise<Map<string, Decision[]>> {
    const out = new Map<string, Decision[]>();
    if (unitPath.length === 0) return out;
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: TABLE.indexes.byProvince.indexName,
      KeyConditionExpression: 'gsi2pk = :p AND begins_with(gsi2sk, :path)',
      ExpressionAttributeValues: { ':p': provincePartition(unitPath[0]!), ':path': decisionPathPrefix(unitPath) },
    });
    for (const item of items) {
      const identity = String(item['identity']);
      out.set(identity, [...(out.get(identity) ?? []), decisionOf(item)].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)));
    }
    return out;
  }
}
