/**
 * A real DynamoDB engine for integration tests, the table created from the
 * stack's definition: dynalite in memory on 127.0.0.1 (default), or AWS's
 * DynamoDB Local when CHIBO_TEST_DYNAMO=dynamodb-local.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import { inject } from 'vitest';
import * as z from 'zod';
import { meterDynamo, type Meter } from '../../adapters/dynamodb/metering.ts';
import { createTableAndWait } from '../../adapters/dynamodb/create-table.ts';
import { dynamoPorts } from '../../adapters/dynamodb/dynamo-ports.ts';
import { launchDynamoDbLocal, type RunningEngine } from './dynamodb-local.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by test/support/dynamodb-local-setup.ts: one DynamoDB Local for the whole run. */
    dynamoDbLocalEndpoint?: string;
  }
}

const EngineName = z.enum(['dynalite', 'dynamodb-local']);
export type EngineName = z.infer<typeof EngineName>;

/** The engine chosen by CHIBO_TEST_DYNAMO (default dynalite). */
export function engineName(): EngineName {
  const parsed = EngineName.safeParse(process.env['CHIBO_TEST_DYNAMO'] ?? 'dynalite');
  if (!parsed.success) throw new Error(`CHIBO_TEST_DYNAMO: expected dynalite or dynamodb-local, got ${JSON.stringify(process.env['CHIBO_TEST_DYNAMO'])}`);
  return parsed.data;
}

export interface LocalDynamo {
  db: DynamoDBDocumentClient;
  table: string;
  endpoint: string;
  meter: { readonly meter: Meter; reset(): Meter };
  /** Every item, for assertions only: no handler ever scans. */
  scanAll(): Promise<Array<Record<string, unknown>>>;
  /** Drops the table and closes the client; stops the server too when it was started for this table. */
  stop(): Promise<void>;
}

async function startDynalite(): Promise<RunningEngine> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A JVM takes seconds to start, so a worker shares one DynamoDB Local: the run's, or its own, killed when the worker exits. */
let workerDynamoDbLocal: Promise<RunningEngine> | undefined;
function sharedDynamoDbLocal(): Promise<RunningEngine> {
  const endpoint = inject('dynamoDbLocalEndpoint');
  if (endpoint) return Promise.resolve({ endpoint, stop: async () => {} });
  workerDynamoDbLocal ??= launchDynamoDbLocal();
  return workerDynamoDbLocal.then((engine) => ({ endpoint: engine.endpoint, stop: async () => {} }));
}

/**
 * A server of the chosen engine: a fresh in-process dynalite, or the shared
 * DynamoDB Local (whose stop() leaves it running for the other tests).
 */
export function startServer(): Promise<RunningEngine> {
  return engineName() === 'dynalite' ? startDynalite() : sharedDynamoDbLocal();
}

let tables = 0;

/** A fresh table on a running server, with its own metered client; tables on one server never see each other. */
export async function openTable(server: RunningEngine, stopServer = false): Promise<LocalDynamo> {
  const client = new DynamoDBClient({ endpoint: server.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const meter = meterDynamo(client);
  const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  // Unique across the workers that share one DynamoDB Local.
  const table = `chibo-test-${randomUUID().slice(0, 8)}-${++tables}`;
  await createTableAndWait(client, table);
  meter.reset();
  return {
    db,
    table,
    endpoint: server.endpoint,
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
      await client.send(new DeleteTableCommand({ TableName: table }));
      client.destroy();
      if (stopServer) await server.stop();
    },
  };
}

/** A server of the chosen engine with a fresh table; stop() ends both. */
export async function startDynamo(): Promise<LocalDynamo> {
  return openTable(await startServer(), true);
}

/** The API's stores over a test table (reports, decisions, contacts, deliveries): what a test of the routes does not stand in for. */
export function apiStores(d: Pick<LocalDynamo, 'db' | 'table'>) {
  const { reports, decisions, contacts, deliveries } = dynamoPorts(d.db, d.table);
  return { reports, decisions, contacts, deliveries };
}
