/** BatchGet and BatchWrite in the sizes DynamoDB allows, retrying what it leaves unprocessed; Query through every page. */
import { BatchGetCommand, BatchWriteCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

type Key = Record<string, string>;
type Item = Record<string, unknown>;

const MAX_ATTEMPTS = 8;
const backoff = (attempt: number) => new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));

function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** Items by `pk|sk`; missing items are absent. Chunks of 100 run in parallel: one round trip when nothing is throttled. */
export async function batchGet(db: DynamoDBDocumentClient, table: string, keys: readonly Key[]): Promise<Map<string, Item>> {
  const unique = [...new Map(keys.map((k) => [`${k.pk}|${k.sk}`, k])).values()];
  const found = new Map<string, Item>();
  await Promise.all(
    chunks(unique, 100).map(async (chunk) => {
      let pending: Key[] = chunk;
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt >= MAX_ATTEMPTS) throw new Error(`BatchGet: ${pending.length} keys still unprocessed`);
        if (attempt > 0) await backoff(attempt);
        const res = await db.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: true } }, ReturnConsumedCapacity: 'TOTAL' }));
        for (const item of res.Responses?.[table] ?? []) found.set(`${item['pk']}|${item['sk']}`, item);
        pending = (res.UnprocessedKeys?.[table]?.Keys as Key[] | undefined) ?? [];
      }
    }),
  );
  return found;
}

export type WriteRequest = { put: Item } | { delete: Key };

/** Puts and deletes, 25 to a request, a few requests at a time; `onWritten` hears how many each request completed. */
export async function batchWrite(db: DynamoDBDocumentClient, table: string, requests: readonly WriteRequest[], parallel = 4, onWritten?: (n: number) => void): Promise<void> {
  const groups = chunks(requests, 25);
  for (let i = 0; i < groups.length; i += parallel) {
    await Promise.all(
      groups.slice(i, i + parallel).map(async (group) => {
        let pending = group.map((r) => ('put' in r ? { PutRequest: { Item: r.put } } : { DeleteRequest: { Key: r.delete } }));
        for (let attempt = 0; pending.length > 0; attempt++) {
          if (attempt >= MAX_ATTEMPTS) throw new Error(`BatchWrite: ${pending.length} requests still unprocessed`);
          if (attempt > 0) await backoff(attempt);
          const res = await db.send(new BatchWriteCommand({ RequestItems: { [table]: pending }, ReturnConsumedCapacity: 'TOTAL' }));
          const unprocessed = (res.UnprocessedItems?.[table] as typeof pending | undefined) ?? [];
          onWritten?.(pending.length - unprocessed.length);
          pending = unprocessed;
        }
      }),
    );
  }
}



/** Every item a Query matches, page after page. */
export async function queryAll(db: DynamoDBDocumentClient, input: Omit<QueryCommandInput, 'ExclusiveStartKey'>): Promise<Item[]> {
  const out: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await db.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    out.push(...(res.Items ?? []));
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}
