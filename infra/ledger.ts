/**
 * The one DynamoDB table (org, meetings, obligation ledger, findings,
 * idempotency keys), built from the same plain definition the local engine
 * and the tests use (adapters/dynamodb/table-definition.ts).
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { TABLE } from '../adapters/dynamodb/table-definition.ts';

/**
 * What the functions do with the table: single-item reads and writes, batched
 * reads and writes, queries on the table and its indexes. No Scan (no
 * recurring path scans; DESIGN.md), no streams, no transactions.
 */
export const LEDGER_ITEM_ACTIONS = [
  'dynamodb:DescribeTable',
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

export interface LedgerProps {
  readonly key: kms.IKey;
}

const attribute = (a: { readonly name: string; readonly type: 'S' }): dynamodb.Attribute => ({
  name: a.name,
  type: { S: dynamodb.AttributeType.STRING }[a.type],
});

export class Ledger extends Construct {
  readonly table: dynamodb.Table;
  private readonly key: kms.IKey;

  constructor(scope: Construct, id: string, props: LedgerProps) {
    super(scope, id);
    this.key = props.key;
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: attribute(TABLE.partitionKey),
      sortKey: attribute(TABLE.sortKey),
      timeToLiveAttribute: TABLE.timeToLiveAttribute,
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.key,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of Object.values(TABLE.indexes)) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        sortKey: attribute(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
  }

  /** Item reads and writes on the table and its indexes (LEDGER_ITEM_ACTIONS), and use of its key. */
  grantItemAccess(grantee: iam.IGrantable): void {
    this.table.grant(grantee, ...LEDGER_ITEM_ACTIONS);
    this.key.grantEncryptDecrypt(grantee);
  }
}
