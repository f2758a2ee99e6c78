/**
 * The delivery log in the table: a recipient's partition (`DELIVERY#<id>`)
 * holds one item per send (`SEND#<channel>#<notice or digest day>`), claimed
 * by a conditional update before the send, and one item per notice held for
 * the recipient's digest (`HELD#<finding>`). Every item is also listed in
 * by-province under "DELIVERY#<recipient>|", for a province's log.
 */
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { formatInstant } from '../../shared/calendar/period.ts';
import type { Channel } from '../../shared/contract/contacts.ts';
import type { DeliveryRecord, NoticeRef } from '../../shared/contract/deliveries.ts';
import { findingIdentity, type Finding } from '../../shared/contract/findings.ts';
import { mapLimit } from '../../shared/concurrency.ts';
import type { ClaimResult, DeliveryLog, HeldNotice, Placement, SendKey } from '../../shared/ports/delivery-log.ts';
import { queryAll } from './batch.ts';
import { conditional } from './conditional.ts';
import { DELIVERY_RANGE, deliveryPartition, deliverySortKey, HELD_PREFIX, heldSortKey, provincePartition, SEND_PREFIX, sendSortKey } from './keys.ts';
import { TABLE } from './table-definition.ts';

/** The log is kept two years, then expires (TTL): long enough for an inspection of last year's notices. */
const KEEP_SECONDS = 2 * 366 * 24 * 3600;

const noticeId = (n: NoticeRef): string => `${findingIdentity(n)}|${n.stage}`;
const whatOf = (key: SendKey): string => ('notice' in key.what ? noticeId(key.what.notice) : `digest|${key.what.digest}`);

type Item = Record<string, unknown>;

export class DynamoDeliveryLog implements DeliveryLog {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  private keyOf(recipient: string, sk: string) {
    return { pk: deliveryPartition(recipient), sk };
  }

  private sendKey(key: SendKey) {
    return this.keyOf(key.recipient, sendSortKey(key.channel, whatOf(key)));
  }

  /** The attributes every item carries: what it is about, where it belongs, when it expires. */
  private common(recipient: string, sk: string, where: Placement, now: number): Item {
    return {
      recipient,
      provinceId: where.provinceId,
      unitId: where.unitId,
      gsi2pk: provincePartition(where.provinceId),
      gsi2sk: deliverySortKey(recipient, sk),
      expiresAt: Math.floor(now / 1000) + KEEP_SECONDS,
    };
  }

  async claim(key: SendKey, where: Placement, claimant: string, now: number, leaseMs: number): Promise<ClaimResult> {
    const k = this.sendKey(key);
    const fields: Item = { ...this.common(key.recipient, k.sk, where, now), channel: key.channel, ...('notice' in key.what ? { notice: key.what.notice } : { digest: key.what.digest }) };
    const names = Object.keys(fields);
    const res = await conditional(
      this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: k,
          UpdateExpression: `SET #status = :sending, claimant = :c, leaseUntil = :lease, #at = :now, ${names.map((n, i) => `#f${i} = :f${i}`).join(', ')} ADD attempts :one REMOVE reason`,
          ConditionExpression: 'attribute_not_exists(pk) OR #status IN (:failed, :undeliverable) OR (#status = :sending AND (claimant = :c OR leaseUntil < :now))',
          ExpressionAttributeNames: { '#status': 'status', '#at': 'at', ...Object.fromEntries(names.map((n, i) => [`#f${i}`, n])) },
          ExpressionAttributeValues: {
            ':sending': 'sending',
            ':failed': 'failed',
            ':undeliverable': 'undeliverable',
            ':c': claimant,
            ':lease': now + leaseMs,
            ':now': now,
            ':one': 1,
            ...Object.fromEntries(names.map((n, i) => [`:f${i}`, fields[n]])),
          },
        }),
      ),
    );
    if (res !== null) return 'claimed';
    const held = await this.db.send(new GetCommand({ TableName: this.table, Key: k, ConsistentRead: true }));
    return held.Item?.['status'] === 'sent' ? 'done' : 'held';
  }

  async sent(key: SendKey, now: number): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: this.sendKey(key),
        UpdateExpression: 'SET #status = :sent, #at = :now REMOVE leaseUntil, reason',
        ExpressionAttributeNames: { '#status': 'status', '#at': 'at' },
        ExpressionAttributeValues: { ':sent': 'sent', ':now': now },
      }),
    );
  }

  async failed(key: SendKey, reason: string, now: number): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: this.sendKey(key),
        // A send that went out stays sent: a late failure of a twin must not hide it.
        ConditionExpression: '#status <> :sent',
        UpdateExpression: 'SET #status = :failed, reason = :r, #at = :now REMOVE leaseUntil',
        ExpressionAttributeNames: { '#status': 'status', '#at': 'at' },
        ExpressionAttributeValues: { ':sent': 'sent', ':failed': 'failed', ':r': reason, ':now': now },
      }),
    ).catch((err: unknown) => {
      if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
    });
  }

  async undeliverable(recipient: string, channel: Channel | null, notice: NoticeRef, where: Placement, reason: string, now: number): Promise<void> {
    const sk = sendSortKey(channel ?? 'none', noticeId(notice));
    await conditional(
      this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...this.keyOf(recipient, sk), ...this.common(recipient, sk, where, now), channel, notice, status: 'undeliverable', reason, at: now, attempts: 0 },
          ConditionExpression: 'attribute_not_exists(pk) OR #status = :undeliverable',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':undeliverable': 'undeliverable' },
        }),
      ),
    );
  }

  async hold(recipient: string, finding: Finding, stage: 'raised' | 'withdrawn', where: Placement & { meeting?: string }, now: number): Promise<void> {
    const sk = heldSortKey(findingIdentity(finding));
    const fields: Item = { ...this.common(recipient, sk, where, now), ...(where.meeting === undefined ? {} : { meeting: where.meeting }) };
    const names = Object.keys(fields);
    const mark = stage === 'raised' ? 'raisedAt' : 'withdrawnAt';
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: this.keyOf(recipient, sk),
        // Either stage may arrive first, and either twice: each sets its own instant once; the finding as raised wins over a withdrawal's copy.
        UpdateExpression: `SET #mark = if_not_exists(#mark, :now), finding = ${stage === 'raised' ? ':f' : 'if_not_exists(finding, :f)'}, ${names.map((n, i) => `#f${i} = :f${i}`).join(', ')}`,
        ExpressionAttributeNames: { '#mark': mark, ...Object.fromEntries(names.map((n, i) => [`#f${i}`, n])) },
        ExpressionAttributeValues: { ':now': now, ':f': finding, ...Object.fromEntries(names.map((n, i) => [`:f${i}`, fields[n]])) },
      }),
    );
  }

  async held(recipient: string): Promise<HeldNotice[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :h)',
      ExpressionAttributeValues: { ':pk': deliveryPartition(recipient), ':h': HELD_PREFIX },
      ConsistentRead: true,
    });
    return items.map(heldOf);
  }

  async records(select: { recipient: string } | { provinceIds: readonly string[] }): Promise<DeliveryRecord[]> {
    const items =
      'recipient' in select
        ? await queryAll(this.db, { TableName: this.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': deliveryPartition(select.recipient) } })
        : (
            await mapLimit(select.provinceIds, 8, (provinceId) =>
              queryAll(this.db, {
                TableName: this.table,
                IndexName: TABLE.indexes.byProvince.indexName,
                KeyConditionExpression: 'gsi2pk = :p AND begins_with(gsi2sk, :d)',
                ExpressionAttributeValues: { ':p': provincePartition(provinceId), ':d': DELIVERY_RANGE },
              }),
            )
          ).flat();
    const byRecipient = new Map<string, Item[]>();
    for (const item of items) byRecipient.set(String(item['recipient']), [...(byRecipient.get(String(item['recipient'])) ?? []), item]);
    return [...byRecipient.values()].flatMap(recordsOf);
  }
}

const heldOf = (item: Item): HeldNotice => ({
  finding: item['finding'] as Finding,
  raisedAt: typeof item['raisedAt'] === 'number' ? item['raisedAt'] : null,
  withdrawnAt: typeof item['withdrawnAt'] === 'number' ? item['withdrawnAt'] : null,
  ...(typeof item['meeting'] === 'string' ? { meeting: item['meeting'] } : {}),
});

/** One recipient's items as log records; a held notice is `sent` by the first digest that went out after it was raised. */
function recordsOf(items: readonly Item[]): DeliveryRecord[] {
  const sends = items.filter((i) => String(i['sk']).startsWith(SEND_PREFIX));
  const digests = sends.filter((i) => typeof i['digest'] === 'string' && i['status'] === 'sent').sort((a, b) => Number(a['at']) - Number(b['at']));
  const base = (i: Item) => ({ recipient: String(i['recipient']), provinceId: String(i['provinceId']), unitId: typeof i['unitId'] === 'string' ? i['unitId'] : null });
  const out: DeliveryRecord[] = sends.map((i) => ({
    ...base(i),
    channel: (i['channel'] ?? null) as Channel | null,
    notice: (i['notice'] ?? null) as NoticeRef | null,
    digest: typeof i['digest'] === 'string' ? i['digest'] : null,
    status: i['status'] as DeliveryRecord['status'],
    ...(typeof i['reason'] === 'string' ? { reason: i['reason'] } : {}),
    at: formatInstant(Number(i['at'])),
    attempts: Number(i['attempts'] ?? 0),
  }));
  for (const i of items.filter((x) => String(x['sk']).startsWith(HELD_PREFIX))) {
    const h = heldOf(i);
    const stage = h.withdrawnAt !== null ? 'withdrawn' : 'raised';
    const since = stage === 'withdrawn' ? h.withdrawnAt! : (h.raisedAt ?? 0);
    const carried = stage === 'raised' ? digests.find((d) => Number(d['at']) >= since) : undefined;
    const { kind, ruleId, subject, period } = h.finding;
    out.push({
      ...base(i),
      channel: carried ? (carried['channel'] as Channel) : null,
      notice: { kind, ruleId, subject, period, stage },
      digest: carried ? String(carried['digest']) : null,
      status: carried ? 'sent' : 'waiting',
      at: formatInstant(carried ? Number(carried['at']) : since),
      attempts: 0,
    });
  }
  return out;
}

