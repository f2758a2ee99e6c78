/**
 * Least privilege, read off the synthesised template: no wildcard action in
 * any Allow statement of any policy, and each function's role reaches only
 * its own table, queue, bus or topics.
 */
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChiboFunction } from '../../infra/chibo-function.ts';
import { LEDGER_ITEM_ACTIONS } from '../../infra/ledger.ts';
import { actionsOf, arn, referencedIds, resourcesOfType, type Statement, synthesise, type Synthesised } from './support.ts';

let s: Synthesised;
beforeAll(() => {
  s = synthesise();
});

/** Every policy document in the template, with where it is. */
function policyDocuments(): Array<{ where: string; statements: Statement[] }> {
  const docs: Array<{ where: string; statements: Statement[] }> = [];
  for (const [id, r] of Object.entries(s.json.Resources)) {
    const p = r.Properties ?? {};
    const add = (where: string, doc: { Statement: Statement[] } | undefined) => doc && docs.push({ where, statements: doc.Statement });
    add(`${id}.PolicyDocument`, p['PolicyDocument']);
    add(`${id}.KeyPolicy`, p['KeyPolicy']);
    add(`${id}.AssumeRolePolicyDocument`, p['AssumeRolePolicyDocument']);
    if (r.Type === 'AWS::IAM::Role') for (const inline of p['Policies'] ?? []) add(`${id}.Policies`, inline.PolicyDocument);
    if (r.Type === 'AWS::Events::EventBusPolicy') add(`${id}.Statement`, { Statement: [p['Statement']] });
  }
  return docs;
}

/** The statements of the policies attached to a function's role. */
function roleStatements(fn: ChiboFunction): Statement[] {
  const roleId = s.id(fn.role as IConstruct);
  expect(s.json.Resources[roleId]!.Properties!['ManagedPolicyArns'] ?? []).toEqual([]);
  expect(s.json.Resources[roleId]!.Properties!['Policies'] ?? []).toEqual([]);
  return resourcesOfType(s, 'AWS::IAM::Policy')
    .filter(([, p]) => referencedIds(p.Properties!['Roles']).has(roleId))
    .flatMap(([, p]) => p.Properties!['PolicyDocument'].Statement as Statement[]);
}

const actionsIn = (statements: Statement[]) => new Set(statements.flatMap(actionsOf));
const statementsWith = (statements: Statement[], action: string) => statements.filter((st) => actionsOf(st).includes(action));
const resourcesOf = (statements: Statement[]) => referencedIds(statements.map((st) => st.Resource));

describe('no wildcard actions', () => {
  it('no Allow statement anywhere grants "*" or "service:*"', () => {
    const docs = policyDocuments();
    expect(docs.length).toBeGreaterThan(10);
    const offending: string[] = [];
    for (const { where, statements } of docs) {
      for (const st of statements) {
        if (st.Effect !== 'Allow') continue;
        const wild = actionsOf(st).filter((a) => a === '*' || /^[a-z0-9-]+:\*$/.test(a));
        if (wild.length === 0) continue;
        // The one exception: the key policy's delegation to the account's own IAM
        // (AWS's default key policy; without it no IAM grant on the key works).
        const isKeyDelegation =
          where === `${s.id(s.stack.key)}.KeyPolicy` && wild.join() === 'kms:*' && JSON.stringify(st.Principal).includes(':root');
        if (!isKeyDelegation) offending.push(`${where}: ${wild.join(', ')}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('the only Resource "*" in a role policy is for X-Ray, which has no resource-level permissions, and sns:Publish for SMS with every SNS ARN denied beside it', () => {
    for (const [, p] of resourcesOfType(s, 'AWS::IAM::Policy')) {
      const statements = p.Properties!['PolicyDocument'].Statement as Statement[];
      for (const st of statements) {
        if (st.Resource !== '*') continue;
        if (actionsOf(st).every((a) => a.startsWith('xray:'))) continue;
        // A phone number has no ARN: SMS needs "*", and the same policy denies publishing to any topic or endpoint.
        expect(actionsOf(st)).toEqual(['sns:Publish']);
        expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Action: 'sns:Publish', Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':sns:*:*:*']] } }));
      }
    }
  });

  it('no role may Scan the table or read its streams, and none uses a managed policy', () => {
    const all = resourcesOfType(s, 'AWS::IAM::Policy').flatMap(([, p]) => p.Properties!['PolicyDocument'].Statement as Statement[]);
    const actions = actionsIn(all);
    for (const forbidden of ['dynamodb:Scan', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:TransactWriteItems']) {
      expect(actions.has(forbidden), forbidden).toBe(false);
    }
    for (const [id, role] of resourcesOfType(s, 'AWS::IAM::Role')) expect(role.Properties!['ManagedPolicyArns'], id).toBeUndefined();
  });
});

describe('each function reaches only its own resources', () => {
  const common = (fn: ChiboFunction) => [s.id(fn.logGroup), s.id(s.stack.ledger.table), s.id(s.stack.key)];

  it('http-api: the table (item actions) and events:PutEvents on the bus; no SNS, no SQS', () => {
    const fn = s.stack.api.handler;
    const statements = roleStatements(fn);
    const actions = actionsIn(statements);
    for (const a of LEDGER_ITEM_ACTIONS) expect(actions.has(a), a).toBe(true);
    expect(statementsWith(statements, 'events:PutEvents').map((st) => st.Resource)).toEqual([arn(s.id(s.stack.ingestion.bus))]);
    expect([...actions].filter((a) => a.startsWith('sns:') || a.startsWith('sqs:'))).toEqual([]);
    expect(resourcesOf(statements)).toEqual(new Set([...common(fn), s.id(s.stack.ingestion.bus)]));
  });

  it('on-meeting-recorded: the table, sns:Publish on both topics, its queue (consume) and its DLQ (send); no PutEvents', () => {
    const fn = s.stack.ingestion.handler;
    const statements = roleStatements(fn);
    const actions = actionsIn(statements);
    expect(actions.has('events:PutEvents')).toBe(false);
    expect(resourcesOf(statementsWith(statements, 'sns:Publish'))).toEqual(
      new Set([s.id(s.stack.notifications.reminders), s.id(s.stack.notifications.violations)]),
    );
    expect(resourcesOf(statementsWith(statements, 'sqs:ReceiveMessage'))).toEqual(new Set([s.id(s.stack.ingestion.queue)]));
    expect(resourcesOf(statementsWith(statements, 'sqs:DeleteMessage'))).toEqual(new Set([s.id(s.stack.ingestion.queue)]));
    expect(resourcesOf(statementsWith(statements, 'sqs:SendMessage'))).toEqual(new Set([s.id(s.stack.ingestion.deadLetterQueue)]));
    expect(resourcesOf(statements)).toEqual(
      new Set([
        ...common(fn),
        s.id(s.stack.notifications.reminders),
        s.id(s.stack.notifications.violations),
        s.id(s.stack.ingestion.queue),
        s.id(s.stack.ingestion.deadLetterQueue),
      ]),
    );
  });

  it('evaluate-deadlines: the table, sns:Publish on both topics, send to and consume the sweep queue, send to its DLQ; no PutEvents', () => {
    const fn = s.stack.deadlines.handler;
    const statements = roleStatements(fn);
    expect(actionsIn(statements).has('events:PutEvents')).toBe(false);
    expect(resourcesOf(statementsWith(statements, 'sns:Publish'))).toEqual(
      new Set([s.id(s.stack.notifications.reminders), s.id(s.stack.notifications.violations)]),
    );
    expect(resourcesOf(statementsWith(statements, 'sqs:SendMessage'))).toEqual(
      new Set([s.id(s.stack.deadlines.queue), s.id(s.stack.deadlines.deadLetterQueue)]),
    );
    expect(resourcesOf(statementsWith(statements, 'sqs:ReceiveMessage'))).toEqual(new Set([s.id(s.stack.deadlines.queue)]));
    expect(resourcesOf(statements)).toEqual(
      new Set([
        ...common(fn),
        s.id(s.stack.notifications.reminders),
        s.id(s.stack.notifications.violations),
        s.id(s.stack.deadlines.queue),
        s.id(s.stack.deadlines.deadLetterQueue),
      ]),
    );
  });

  it('each function writes only to its own log group', () => {
    for (const fn of [s.stack.api.handler, s.stack.ingestion.handler, s.stack.deadlines.handler]) {
      expect(resourcesOf(statementsWith(roleStatements(fn), 'logs:PutLogEvents'))).toEqual(new Set([s.id(fn.logGroup)]));
    }
  });

  it('the scheduler role may invoke evaluate-deadlines and nothing else', () => {
    const schedule = resourcesOfType(s, 'AWS::Scheduler::Schedule')[0]![1].Properties!;
    const roleId = [...referencedIds(schedule['Target'].RoleArn)][0]!;
    const statements = resourcesOfType(s, 'AWS::IAM::Policy')
      .filter(([, p]) => referencedIds(p.Properties!['Roles']).has(roleId))
      .flatMap(([, p]) => p.Properties!['PolicyDocument'].Statement as Statement[]);
    expect(actionsIn(statements)).toEqual(new Set(['lambda:InvokeFunction']));
    expect(resourcesOf(statements)).toEqual(new Set([s.id(s.stack.deadlines.handler)]));
  });
});
