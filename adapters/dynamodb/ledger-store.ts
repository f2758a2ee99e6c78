/**
 * The obligation ledger in DynamoDB (docs/data-model.md). Every write is a
 * single-item conditional update: registers win by version, outcomes by
 * revision, notification claims once per key. No transactions, no Scan.
 */
import { PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { MeetingEvent } from '../../shared/contract/events.ts';
import { OrgIndex } from '../../shared/org/org-index.ts';
import type { EntryOutcome, EntryRef, LedgerStore, MeetingClaim, MeetingContext, RegisterWrite, StoredEntry, StoredMeeting } from '../../shared/ports/ledger-store.ts';
import { mapLimit } from '../../shared/concurrency.ts';
import { conditional } from './conditional.ts';
import { batchGet, queryAll } from './batch.ts';
import { subjectOfIdentity, type Finding } from '../../shared/contract/findings.ts';
import { fingerprint } from '../../shared/pipeline/fingerprint.ts';
import { entryKey, parseEntryKey } from '../../shared/ledger/ledger.ts';
import { entryFromItem, toRegisterAttribute } from './entry-item.ts';
import {
  attentionSortKey,
  entryItemKey,
  findingIdentityOf,
  findingKey,
  followUpAttribute,
  isMemberPage,
  leaderKey,
  meetingFollowUpAttribute,
  meetingKey,
  memberPageKey,
  notifiedKey,
  openedKey,
  openPartition,
  provincePartition,
  registerAttribute,
  unitKey,
  unitPathPrefix,
} from './keys.ts';
import { snapshotFromItems, type LeaderItem, type MemberPageItem, type UnitItem } from './org-items.ts';
import { DynamoOrgStore } from './org-store.ts';
import { TABLE } from './table-definition.ts';

/** Dedup records (event ids, notification claims) are kept 90 days. */
const KEEP_SECONDS = 90 * 24 * 3600;

const FOLLOW_UP_PREFIX = meetingFollowUpAttribute('');

function meetingFromItem(meetingId: string, item: Record<string, unknown>): StoredMeeting {
  const followUps: Record<string, number> = {};
  for (const [name, value] of Object.entries(item)) if (name.startsWith(FOLLOW_UP_PREFIX)) followUps[name.slice(FOLLOW_UP_PREFIX.length)] = Number(value);
  return {
    meetingId,
    version: Number(item['version']),
    eventId: String(item['eventId']),
    retracted: item['retracted'] === true,
    unitId: (item['unitId'] as string | null) ?? null,
    touched: [...((item['touched'] as Set<string> | undefined) ?? [])],
    followUps,
  };
}

export class DynamoLedgerStore implements LedgerStore {
  private readonly org: DynamoOrgStore;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {
    this.org = new DynamoOrgStore(db, table);
  }

  async meetingContext(event: MeetingEvent): Promise<MeetingContext> {
    const first = event.type === 'MeetingRecorded' ? [unitKey(event.unitId), memberPageKey(event.unitId, 0), ...event.visitingLeaderIds.map(leaderKey)] : [];
    const items = await batchGet(this.db, this.table, [meetingKey(event.meetingId), ...first]);
    const meetingItem = items.get(`${meetingKey(event.meetingId).pk}|MEETING`);
    const meeting = meetingItem ? meetingFromItem(event.meetingId, meetingItem) : null;
    // A second read only when an earlier version reached further: another cell, leaders no longer visiting, a large cell.
    const unitIds = new Set<string>(event.type === 'MeetingRecorded' ? [event.unitId] : []);
    // A retracted meeting is read whole only by its retraction's redelivery, which finishes what the retraction began.
    const live = meeting !== null && (!meeting.retracted || meeting.eventId === event.eventId);
    if (live && meeting.unitId) unitIds.add(meeting.unitId);
    // Every unit an earlier version was in: this event reconciles the entries those versions touched, so it needs their org.
    if (live) for (const id of (meetingItem!['units'] as Set<string> | undefined) ?? []) unitIds.add(id);
    const leaderIds = new Set(event.type === 'MeetingRecorded' ? event.visitingLeaderIds : []);
    for (const key of meeting?.touched ?? []) {
      const { subject } = parseEntryKey(key);
      if (subject.type === 'leader') leaderIds.add(subject.id);
    }
    const have = (k: { pk: string; sk: string }) => items.has(`${k.pk}|${k.sk}`);
    // A unit read now brings its first member page along (most cells fit one), saving a round trip on retractions.
    const missing = [...[...unitIds].flatMap((id) => [unitKey(id), memberPageKey(id, 0)]), ...[...leaderIds].map(leaderKey)].filter((k) => !have(k));
    if (missing.length > 0) for (const [k, v] of await batchGet(this.db, this.table, missing)) items.set(k, v);
    const units = [...unitIds].map((id) => items.get(`${unitKey(id).pk}|UNIT`) as unknown as UnitItem | undefined).filter((u) => u !== undefined);
    const pages = units.flatMap((u) => Array.from({ length: u.memberPages }, (_, p) => memberPageKey(u.unit.id, p))).filter((k) => !have(k));
    if (pages.length > 0) for (const [k, v] of await batchGet(this.db, this.table, pages)) items.set(k, v);
    const mainUnit = event.type === 'MeetingRecorded' ? event.unitId : meeting?.unitId;
    if (!mainUnit || !units.some((u) => u.unit.id === mainUnit)) return { meeting, org: null };
    const leaders = [...items.values()].filter((i) => i['sk'] === 'LEADER') as unknown as LeaderItem[];
    const members = [...items.values()].filter((i) => isMemberPage(String(i['sk']))).flatMap((p) => (p as unknown as MemberPageItem).members);
    return { meeting, org: new OrgIndex(snapshotFromItems(units, leaders, members)) };
  }

  async claimMeeting(claim: MeetingClaim): Promise<boolean> {
    const values: Record<string, unknown> = { ':v': claim.version, ':e': claim.eventId, ':u': claim.unitId, ':r': claim.retracted };
    const names: Record<string, string> = {};
    const sets = ['version = :v', 'eventId = :e', 'unitId = :u', 'retracted = :r'];
    // When it was held: how people name a meeting ("Chi bộ tổ dân phố 5, buổi 05/02/2026").
    if (claim.heldAt !== undefined) {
      sets.push('heldAt = :h');
      values[':h'] = claim.heldAt;
    }
    let condition = 'attribute_not_exists(pk)';
    if (claim.read) {
      // As read: a retraction's redelivery (after a crash) finds its own claim, retracted.
      condition = 'version = :rv AND eventId = :re AND retracted = :rr';
      Object.assign(values, { ':rv': claim.read.version, ':re': claim.read.eventId, ':rr': claim.read.retracted });
    }
    // The follow-up times as read, too: an earlier time kept meanwhile by a lower version would miss this version's entries.
    Object.entries(claim.followUps).forEach(([field, earliest], i) => {
      const known = claim.read?.followUps[field];
      const changes = earliest !== null && earliest !== known;
      // DynamoDB refuses a name the expressions do not use.
      if (claim.read || changes) names[`#f${i}`] = meetingFollowUpAttribute(field);
      if (claim.read) {
        condition += known === undefined ? ` AND attribute_not_exists(#f${i})` : ` AND #f${i} = :fr${i}`;
        if (known !== undefined) values[`:fr${i}`] = known;
      }
      if (changes) {
        sets.push(`#f${i} = :f${i}`);
        values[`:f${i}`] = earliest;
      }
    });
    // eventIds (the events POST /events counts as duplicates) are added once an event's outcome is saved: rememberEvent.
    const adds: string[] = [];
    if (claim.touched.length > 0) {
      adds.push('touched :t');
      values[':t'] = new Set(claim.touched);
    }
    if (claim.unitId !== null) {
      adds.push('units :units');
      values[':units'] = new Set([claim.unitId]);
    }
    const res = await conditional(
      this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: meetingKey(claim.meetingId),
          UpdateExpression: `SET ${sets.join(', ')}${adds.length > 0 ? ` ADD ${adds.join(', ')}` : ''}`,
          ConditionExpression: condition,
          ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
          ExpressionAttributeValues: values,
        }),
      ),
    );
    return res !== null;
  }

  async writeRegister(w: RegisterWrite): Promise<StoredEntry | null> {
    const res = await conditional(
      this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: entryItemKey(w.ruleId, w.subject, w.period),
          UpdateExpression: 'SET #m = :reg, ruleId = :rule, subject = :subject, period = :period ADD rev :one',
          ConditionExpression: 'attribute_not_exists(#m) OR #m.v < :v OR (#m.v = :v AND #m.e = :e)',
          ExpressionAttributeNames: { '#m': registerAttribute(w.meetingId) },
          ExpressionAttributeValues: { ':reg': toRegisterAttribute(w.register), ':rule': w.ruleId, ':subject': w.subject, ':period': w.period, ':one': 1, ':v': w.register.version, ':e': w.register.eventId },
          ReturnValues: 'ALL_NEW',
        }),
      ),
    );
    return res?.Attributes ? entryFromItem(res.Attributes) : null;
  }

  async writeFollowUp(entry: EntryRef, meetingId: string, field: string, recordedAt: number): Promise<StoredEntry | null> {
    // Bumps rev like a register: the reconciliation that sees the follow-up outranks one that did not.
    const res = await conditional(
      this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: entryItemKey(entry.ruleId, entry.subject, entry.period),
          UpdateExpression: 'SET #f = :t, ruleId = :rule, subject = :subject, period = :period ADD rev :one',
          ConditionExpression: 'attribute_not_exists(#f) OR #f >= :t',
          ExpressionAttributeNames: { '#f': followUpAttribute(meetingId, field) },
          ExpressionAttributeValues: { ':t': recordedAt, ':rule': entry.ruleId, ':subject': entry.subject, ':period': entry.period, ':one': 1 },
          ReturnValues: 'ALL_NEW',
        }),
      ),
    );
    return res?.Attributes ? entryFromItem(res.Attributes) : null;
  }

  async keepEarliestFollowUp(meetingId: string, field: string, recordedAt: number): Promise<StoredMeeting | null> {
    const res = await conditional(
      this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: meetingKey(meetingId),
          UpdateExpression: 'SET #f = :t',
          ConditionExpression: 'attribute_exists(pk) AND retracted = :false AND (attribute_not_exists(#f) OR #f >= :t)',
          ExpressionAttributeNames: { '#f': meetingFollowUpAttribute(field) },
          ExpressionAttributeValues: { ':t': recordedAt, ':false': false },
          ReturnValues: 'ALL_NEW',
        }),
      ),
    );
    return res?.Attributes ? meetingFromItem(meetingId, res.Attributes) : null;
  }

  async saveOutcome(o: EntryOutcome, now: number): Promise<boolean> {
    const { entry, placement } = o;
    const key = entryItemKey(entry.ruleId, entry.subject, entry.period);
    // Later revisions win; at one revision, the later instant (a sweep after the meeting) wins.
    const newer = 'attribute_not_exists(#sr) OR #sr < :rev OR (#sr = :rev AND #sa <= :now)';
    const names = { '#sr': 'statusRev', '#sa': 'statusAt' };
    const values: Record<string, unknown> = {
      ':rev': entry.rev,
      ':now': now,
      ':raised': Object.fromEntries(Object.entries(o.raised).map(([id, f]) => [id, fingerprint(f)])),
      ':attentionAt': o.attentionAt,
      ':view': o.view,
      ':status': o.status,
      ':unit': placement.unitId,
      ':province': placement.provinceId,
    };
    let update = 'SET #sr = :rev, #sa = :now, raised = :raised, obligation = :view, #st = :status, attentionAt = :attentionAt, unitId = :unit, provinceId = :province';
    if (o.attentionAt !== null) {
      update += ', gsi1pk = :open, gsi1sk = :attention';
      values[':open'] = openPartition(placement.provinceId);
      values[':attention'] = attentionSortKey(o.attentionAt, key.pk, key.sk);
    } else {
      update += ' REMOVE gsi1pk, gsi1sk';
    }
    return (await conditional(this.db.send(new UpdateCommand({ TableName: this.table, Key: key, UpdateExpression: update, ConditionExpression: newer, ExpressionAttributeNames: { ...names, '#st': 'status' }, ExpressionAttributeValues: values })))) !== null;
  }

  /**
   * A finding item is written by the entry that raises or drops it. Most identities come from one entry, ordered by its
   * rev; a finding about a meeting may come from another entry when a version moves the meeting (the quality ratings
   * live in the cell's year), so the meeting's version orders first: a write about an older version never lands, a
   * raise by another entry at the same or a newer version wins, and a drop counts only from the entry that raised it last.
   */
  async saveFindings(o: EntryOutcome, now: number): Promise<void> {
    const { entry, placement } = o;
    const owner = entryKey(entry.ruleId, entry.subject, entry.period);
    const names = { '#r': 'rev', '#a': 'at', '#mv': 'mv', '#o': 'owner' };
    // Flat disjunctions: dynalite's condition parser slows down steeply with nesting (3× the pipeline's time at five levels).
    const sameOwnerNewer = '(#mv = :mv AND #o = :o AND #r < :rev) OR (#mv = :mv AND #o = :o AND #r = :rev AND #a <= :now)';
    const values = (identity: string) => ({ ':rev': entry.rev, ':now': now, ':mv': meetingVersionOf(entry, identity), ':o': owner });
    const writes: Array<Promise<unknown>> = [];
    for (const [identity, finding] of Object.entries(o.raised)) {
      if (entry.saved.raised[identity] === fingerprint(finding)) continue;
      writes.push(
        conditional(
          this.db.send(
            new PutCommand({
              TableName: this.table,
              Item: {
                ...findingKey(identity),
                finding,
                active: true,
                rev: entry.rev,
                at: now,
                mv: meetingVersionOf(entry, identity),
                owner,
                unitId: placement.unitId,
                provinceId: placement.provinceId,
                gsi2pk: provincePartition(placement.provinceId),
                gsi2sk: `${unitPathPrefix(placement.unitPath)}#${finding.period}#${identity}`,
              },
              // No item, or one written before this order (no `mv`): the raise lands.
              ConditionExpression: `attribute_not_exists(#mv) OR #mv < :mv OR (#mv = :mv AND #o <> :o) OR ${sameOwnerNewer}`,
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: values(identity),
            }),
          ),
        ),
      );
    }
    for (const identity of o.dropped) {
      writes.push(
        conditional(
          this.db.send(
            new UpdateCommand({
              TableName: this.table,
              Key: findingKey(identity),
              UpdateExpression: 'SET active = :false, #r = :rev, #a = :now, #mv = :mv, #o = :o REMOVE gsi2pk, gsi2sk',
              // Only the owner drops: an entry that raised it before the meeting moved away may still list it, at a newer version.
              // An item without `mv` (written before this order) must still exist: an update would create one.
              ConditionExpression: `(attribute_exists(pk) AND attribute_not_exists(#mv)) OR (#o = :o AND #mv < :mv) OR ${sameOwnerNewer}`,
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: { ...values(identity), ':false': false },
            }),
          ),
        ),
      );
    }
    await Promise.all(writes);
  }

  async claimNotification(key: string, claimant: string, now: number): Promise<boolean> {
    const res = await conditional(
      this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...notifiedKey(key), claimant, at: now, expiresAt: Math.floor(now / 1000) + KEEP_SECONDS },
          ConditionExpression: 'attribute_not_exists(pk) OR (claimant = :c AND attribute_not_exists(sentAt))',
          ExpressionAttributeValues: { ':c': claimant },
        }),
      ),
    );
    return res !== null;
  }

  async notificationSent(key: string, now: number): Promise<void> {
    await this.db.send(new UpdateCommand({ TableName: this.table, Key: notifiedKey(key), UpdateExpression: 'SET sentAt = :now', ExpressionAttributeValues: { ':now': now } }));
  }

  async entriesNeedingAttention(provinceId: string, now: number): Promise<StoredEntry[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: TABLE.indexes.openObligations.indexName,
      // "$" sorts right after "#": every key whose instant is at or before now.
      KeyConditionExpression: 'gsi1pk = :p AND gsi1sk < :until',
      ExpressionAttributeValues: { ':p': openPartition(provinceId), ':until': `${new Date(now).toISOString()}$` },
    });
    return items.map(entryFromItem);
  }

  async entries(refs: readonly EntryRef[]): Promise<StoredEntry[]> {
    const found = await batchGet(this.db, this.table, refs.map((r) => entryItemKey(r.ruleId, r.subject, r.period)));
    return mapLimit(
      refs,
      32,
      async (r) => {
        const key = entryItemKey(r.ruleId, r.subject, r.period);
        const item = found.get(`${key.pk}|${key.sk}`);
        if (item) return entryFromItem(item);
        const fresh = { ...key, ruleId: r.ruleId, subject: r.subject, period: r.period, rev: 0 };
        await conditional(this.db.send(new PutCommand({ TableName: this.table, Item: fresh, ConditionExpression: 'attribute_not_exists(pk)' })));
        return entryFromItem(fresh);
      },
    );
  }

  async lastOpened(provinceId: string): Promise<string | null> {
    const res = await this.db.send(
      new QueryCommand({ TableName: this.table, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': openedKey(provinceId, '').pk }, ScanIndexForward: false, Limit: 1, ConsistentRead: true }),
    );
    return (res.Items?.[0]?.['sk'] as string | undefined) ?? null;
  }

  async markOpened(provinceId: string, month: string): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...openedKey(provinceId, month) } }));
  }

  async orgFor(entries: readonly StoredEntry[]): Promise<OrgIndex> {
    const unitIds = new Set<string>();
    const leaderIds = new Set<string>();
    for (const e of entries) {
      if (e.subject.type === 'cell' || e.subject.type === 'unit') unitIds.add(e.subject.id);
      else if (e.subject.type === 'leader') leaderIds.add(e.subject.id);
      for (const r of e.registers.values()) if (r.unitId) unitIds.add(r.unitId);
    }
    const { units, leaders } = await this.org.unitsAndLeaders([...unitIds], [...leaderIds]);
    return new OrgIndex(snapshotFromItems(units, leaders, []));
  }

  provinceOrg(provinceId: string): Promise<OrgIndex> {
    return this.org.provinceOrg(provinceId);
  }

  async provinces(): Promise<string[]> {
    return (await this.org.meta())?.provinces ?? [];
  }

  async rememberEvent(meetingId: string, eventId: string): Promise<void> {
    await this.db.send(new UpdateCommand({ TableName: this.table, Key: meetingKey(meetingId), UpdateExpression: 'ADD eventIds :ids', ExpressionAttributeValues: { ':ids': new Set([eventId]) } }));
  }

  async findings(identities: readonly string[]): Promise<Map<string, Finding>> {
    const items = await batchGet(this.db, this.table, identities.map(findingKey));
    return new Map([...items.values()].map((i) => [findingIdentityOf(String(i['pk'])), i['finding'] as Finding]));
  }
}

/** The version of the meeting a finding is about, as the entry holds it (a retraction's tombstone outranks every version); 0 when it is not about a meeting. */
function meetingVersionOf(entry: StoredEntry, identity: string): number {
  const subject = subjectOfIdentity(identity);
  return subject.type === 'meeting' ? (entry.registers.get(subject.id)?.version ?? 0) : 0;
}
