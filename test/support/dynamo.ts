/** A real DynamoDB engine for integration tests: dynalite in memory on 127.0.0.1, the table created from the stack's definition. */
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import { meterDynamo, type Meter } from '../../adapters/dynamodb/metering.ts';
import { createTableAndWait } from '../../adapters/dynamodb/create-table.ts';

export interface LocalDynamo {
  db: DynamoDBDocumentClient;
  table: string;
  endpoint: string;
  meter: { readonly meter: Meter; reset(): Meter };
  /** Every item, for assertions only: no handler ever scans. */
  scanAll(): Promise<Array<Record<string, unknown>>>;
  stop(): Promise<void>;
}

let tables = 0;

export async function startDynamo(): Promise<LocalDynamo> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const client = new DynamoDBClient({ endpoint: `http://127.0.0.1:${port}`, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const meter = meterDynamo(client);
  const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const table = `chibo-test-${++tables}`;
  await createTableAndWait(client, table);
  meter.reset();
  return {
    db,
    table,
    endpoint: `http://127.0.0.1:${port}`,
    meter,
    async scanAll() {
      const items: Array<Record<string, unknown>> = [];
      let start: Record<string, unknown> | undefined;
      do {
        const res = await db.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
        items.push(...(res.Items ?? []));
        start = res.LastEvaluatedKey;
      } while (start);
      return items;
    },
    async stop() {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
