/**
 * The one DynamoDB table (docs/data-model.md), as plain data: the CDK stack
 * builds the table from it and the tests create the same table in dynalite.
 */
export const TABLE = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  /** Dedup and idempotency records expire; the ledger does not. */
  timeToLiveAttribute: 'expiresAt',
  indexes: {
    /** Sparse: only obligations still owed carry gsi1pk, so a sweep reads what is unmet, not the country. */
    openObligations: { indexName: 'open-obligations', partitionKey: { name: 'gsi1pk', type: 'S' }, sortKey: { name: 'gsi1sk', type: 'S' } },
    /** Units, leaders and findings of one province, findings sorted by unit path so a subtree is one key range. */
    byProvince: { indexName: 'by-province', partitionKey: { name: 'gsi2pk', type: 'S' }, sortKey: { name: 'gsi2sk', type: 'S' } },
  },
} as const;

type KeyAttribute = { readonly name: string; readonly type: 'S' };

/** The CreateTable input for the local engine and the tests (on AWS, CDK creates the table). */
export function createTableInput(tableName: string) {
  const indexes = Object.values(TABLE.indexes);
  const attributes = new Map<string, KeyAttribute>();
  for (const k of [TABLE.partitionKey, TABLE.sortKey, ...indexes.flatMap((i) => [i.partitionKey, i.sortKey])]) attributes.set(k.name, k);
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [...attributes.values()].map((a) => ({ AttributeName: a.name, AttributeType: a.type })),
    KeySchema: [
      { AttributeName: TABLE.partitionKey.name, KeyType: 'HASH' as const },
      { AttributeName: TABLE.sortKey.name, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: indexes.map((i) => ({
      IndexName: i.indexName,
      KeySchema: [
        { AttributeName: i.partitionKey.name, KeyType: 'HASH' as const },
        { AttributeName: i.sortKey.name, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
  };
}
