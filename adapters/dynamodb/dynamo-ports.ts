/**
 * The DynamoDB adapters over one table, built alike by the Lambdas
 * (functions/wiring), the embedded default (local/runtime.ts) and the bench.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoContactDirectory } from './contact-directory.ts';
import { DynamoDecisionStore } from './decision-store.ts';
import { DynamoDeliveryLog } from './delivery-log.ts';
import { DynamoLedgerQueries } from './ledger-queries.ts';
import { DynamoLedgerStore } from './ledger-store.ts';
import { DynamoOrgStore } from './org-store.ts';
import { DynamoReportQueries } from './report-queries.ts';

/** The document client every adapter takes: attributes left undefined are dropped, not refused. */
export const documentClient = (client: DynamoDBClient): DynamoDBDocumentClient => DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });

export function dynamoPorts(db: DynamoDBDocumentClient, table: string) {
  return {
    store: new DynamoLedgerStore(db, table),
    orgStore: new DynamoOrgStore(db, table),
    ledger: new DynamoLedgerQueries(db, table),
    reports: new DynamoReportQueries(db, table),
    decisions: new DynamoDecisionStore(db, table),
    contacts: new DynamoContactDirectory(db, table),
    deliveries: new DynamoDeliveryLog(db, table),
  };
}
