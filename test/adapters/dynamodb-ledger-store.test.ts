/** The conditional writes of the ledger store, exactly: these conditions are what make the pipeline idempotent and order-free. */
import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoLedgerStore } from '../../adapters/dynamodb/ledger-store.ts';
import type { Finding } from '../../shared/contract/findings.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const store = new DynamoLedgerStore(DynamoDBDocumentClient.from(new DynamoDBClient({})), 'chibo');
beforeEach(() => ddb.reset());

const register = { version: 2, eventId: 'e-2', unitId: 'LC.NL.TDP5', heldAt: 1_772_000_000_000, kind: 'regular' as const, slots: { regularMeetings: { heldAt: 1_772_000_000_000 } } };

describe('DynamoLedgerStore writes', () => {
  it('a register wins by version: set unless a newer one (or another event of the same version) is there', async () => {
    ddb.on(UpdateCommand).resolves({ Attributes: { ruleId: 'r', subject: { type: 'cell', id: 'LC.NL.TDP5' }, period: '2026-02', rev: 4 } });
    const entry = await store.writeRegister({ ruleId: 'dieu-le/monthly-regular-meeting', subject: { type: 'cell', id: 'LC.NL.TDP5' }, period: '2026-02', meetingId: 'mt-1', register });
    expect(entry?.rev).toBe(4);
    expect(ddb.commandCalls(UpdateCommand)[0]!.args[0].input).toEqual({
      TableName: 'chibo',
      Key: { pk: 'SUBJECT#LC.NL.TDP5', sk: 'ENTRY#2026-02#dieu-le/monthly-regular-meeting#cell' },
      UpdateExpression: 'SET #m = :reg, ruleId = :rule, subject = :subject, period = :period ADD rev :one',
      ConditionExpression: 'attribute_not_exists(#m) OR #m.v < :v OR (#m.v = :v AND #m.e = :e)',
      ExpressionAttributeNames: { '#m': 'm:mt-1' },
      ExpressionAttributeValues: {
        ':reg': { v: 2, e: 'e-2', u: 'LC.NL.TDP5', h: 1_772_000_000_000, k: 'regular', s: { regularMeetings: { heldAt: 1_772_000_000_000 } } },
        ':rule': 'dieu-le/monthly-regular-meeting',
        ':subject': { type: 'cell', id: 'LC.NL.TDP5' },
        ':period': '2026-02',
        ':one': 1,
        ':v': 2,
        ':e': 'e-2',
      },
      ReturnValues: 'ALL_NEW',
    });
  });

  it('a register that loses to a newer one is no error: null', async () => {
    ddb.on(UpdateCommand).rejects(new ConditionalCheckFailedException({ message: 'no', $metadata: {} }));
    expect(await store.writeRegister({ ruleId: 'r', subject: { type: 'cell', id: 'c' }, period: '2026-02', meetingId: 'mt-1', register })).toBeNull();
  });

  it('a version is claimed only over the version read, adding to the entries ever touched and the units, keeping when it was held; the event is not yet seen', async () => {
    ddb.on(UpdateCommand).resolves({});
    const read = { meetingId: 'mt-1', version: 1, eventId: 'e-1', retracted: false, unitId: 'LC.NL.TDP5', touched: ['a'], followUps: {} };
    expect(await store.claimMeeting({ meetingId: 'mt-1', read, version: 2, eventId: 'e-2', unitId: 'LC.NL.TDP5', heldAt: 1000, retracted: false, touched: ['a', 'b'], followUps: {} })).toBe(true);
    expect(ddb.commandCalls(UpdateCommand)[0]!.args[0].input).toEqual({
      TableName: 'chibo',
      Key: { pk: 'MEETING#mt-1', sk: 'MEETING' },
      UpdateExpression: 'SET version = :v, eventId = :e, unitId = :u, retracted = :r, heldAt = :h ADD touched :t, units :units',
      ConditionExpression: 'version = :rv AND eventId = :re AND retracted = :rr',
      ExpressionAttributeValues: { ':v': 2, ':e': 'e-2', ':u': 'LC.NL.TDP5', ':r': false, ':h': 1000, ':rv': 1, ':re': 'e-1', ':rr': false, ':t': new Set(['a', 'b']), ':units': new Set(['LC.NL.TDP5']) },
    });
  });

  it('the first version is claimed only if no version is stored', async () => {
    ddb.on(UpdateCommand).rejects(new ConditionalCheckFailedException({ message: 'no', $metadata: {} }));
    expect(await store.claimMeeting({ meetingId: 'mt-1', read: null, version: 1, eventId: 'e-1', unitId: 'u', retracted: false, touched: [], followUps: {} })).toBe(false);
    expect(ddb.commandCalls(UpdateCommand)[0]!.args[0].input.ConditionExpression).toBe('attribute_not_exists(pk)');
  });

  it('a version is claimed only over the follow-up times read, and keeps the earlier of them and its own', async () => {
    ddb.on(UpdateCommand).resolves({});
    const read = { meetingId: 'mt-1', version: 1, eventId: 'e-1', retracted: false, unitId: 'u', touched: [], followUps: { resolutionIssued: 5 } };
    await store.claimMeeting({ meetingId: 'mt-1', read, version: 2, eventId: 'e-2', unitId: 'u', retracted: false, touched: [], followUps: { resolutionIssued: 3, minutesSigned: null } });
    const input = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(input.ConditionExpression).toBe('version = :rv AND eventId = :re AND retracted = :rr AND #f0 = :fr0 AND attribute_not_exists(#f1)');
    expect(input.UpdateExpression).toBe('SET version = :v, eventId = :e, unitId = :u, retracted = :r, #f0 = :f0 ADD units :units');
    expect(input.ExpressionAttributeNames).toEqual({ '#f0': 'f:resolutionIssued', '#f1': 'f:minutesSigned' });
    expect(Object.keys(input.ExpressionAttributeValues!).sort()).toEqual([':e', ':f0', ':fr0', ':r', ':re', ':rr', ':rv', ':u', ':units', ':v']);
    expect(input.ExpressionAttributeValues).toMatchObject({ ':fr0': 5, ':f0': 3 });
  });

  it('a follow-up time is kept on the meeting unless an earlier one is there or it is retracted; the meeting after the write names its entries', async () => {
    ddb.on(UpdateCommand).resolves({ Attributes: { version: 5, eventId: 'e-5', retracted: false, unitId: 'u', touched: new Set(['k']), 'f:resolutionIssued': 7 } });
    expect(await store.keepEarliestFollowUp('mt-1', 'resolutionIssued', 7)).toEqual({ meetingId: 'mt-1', version: 5, eventId: 'e-5', retracted: false, unitId: 'u', touched: ['k'], followUps: { resolutionIssued: 7 } });
    expect(ddb.commandCalls(UpdateCommand)[0]!.args[0].input).toEqual({
      TableName: 'chibo',
      Key: { pk: 'MEETING#mt-1', sk: 'MEETING' },
      UpdateExpression: 'SET #f = :t',
      ConditionExpression: 'attribute_exists(pk) AND retracted = :false AND (attribute_not_exists(#f) OR #f >= :t)',
      ExpressionAttributeNames: { '#f': 'f:resolutionIssued' },
      ExpressionAttributeValues: { ':t': 7, ':false': false },
      ReturnValues: 'ALL_NEW',
    });
    ddb.reset();
    ddb.on(UpdateCommand).rejects(new ConditionalCheckFailedException({ message: 'no', $metadata: {} }));
    expect(await store.keepEarliestFollowUp('mt-1', 'resolutionIssued', 9)).toBeNull();
  });

  it('a follow-up time on an entry is kept unless an earlier one is there, and bumps its revision', async () => {
    ddb.on(UpdateCommand).resolves({ Attributes: { ruleId: 'r', subject: { type: 'meeting', id: 'mt-1' }, period: '2026-02', rev: 3, 'f:mt-1:resolutionIssued': 7 } });
    const entry = await store.writeFollowUp({ ruleId: 'r', subject: { type: 'meeting', id: 'mt-1' }, period: '2026-02' }, 'mt-1', 'resolutionIssued', 7);
    expect(entry?.followUps.get('mt-1')?.get('resolutionIssued')).toBe(7);
    const input = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(input.UpdateExpression).toBe('SET #f = :t, ruleId = :rule, subject = :subject, period = :period ADD rev :one');
    expect(input.ConditionExpression).toBe('attribute_not_exists(#f) OR #f >= :t');
    expect(input.ReturnValues).toBe('ALL_NEW');
  });

  it('a notification is claimed once, or again by the same claimant until it is marked sent', async () => {
    ddb.on(PutCommand).resolves({});
    expect(await store.claimNotification('violation|r|cell:c|2026-02|raised|ubkt:P', 'e-9', 1_775_000_000_000)).toBe(true);
    expect(ddb.commandCalls(PutCommand)[0]!.args[0].input).toEqual({
      TableName: 'chibo',
      Item: { pk: 'NOTIFIED#violation|r|cell:c|2026-02|raised|ubkt:P', sk: 'NOTIFIED', claimant: 'e-9', at: 1_775_000_000_000, expiresAt: 1_775_000_000 + 90 * 24 * 3600 },
      ConditionExpression: 'attribute_not_exists(pk) OR (claimant = :c AND attribute_not_exists(sentAt))',
      ExpressionAttributeValues: { ':c': 'e-9' },
    });
  });

  it('a finding about a meeting is ordered by the meeting’s version first: a raise from another entry at the same version wins, a drop counts only from the entry that raised it last', async () => {
    ddb.on(PutCommand).resolves({});
    ddb.on(UpdateCommand).resolves({});
    const raised = { kind: 'alert', ruleId: 'quality/rating-below-kha', subject: { type: 'meeting', id: 'M-q' }, period: '2026-01' } as unknown as Finding;
    const identity = 'alert|quality/rating-below-kha|meeting:M-q|2026-01';
    const entry = {
      ruleId: 'quality/rating-below-kha',
      subject: { type: 'cell' as const, id: 'LC.NL.THCS' },
      period: '2026',
      rev: 7,
      registers: new Map([['M-q', { ...register, version: 6 }]]),
      followUps: new Map(),
      saved: { raised: { 'alert|quality/rating-below-kha|meeting:M-old|2026-01': 'x' }, status: null, attentionAt: null, view: null },
    };
    const placement = { unitId: 'LC.NL.THCS', unitPath: ['LC', 'LC.NL', 'LC.NL.THCS'], provinceId: 'LC' };
    await store.saveFindings({ entry, placement, status: null, attentionAt: null, view: null, raised: { [identity]: raised }, dropped: ['alert|quality/rating-below-kha|meeting:M-old|2026-01'], changed: true }, 1_775_000_000_000);
    const names = { '#r': 'rev', '#a': 'at', '#mv': 'mv', '#o': 'owner' };
    const owner = 'quality/rating-below-kha|cell:LC.NL.THCS|2026';
    expect(ddb.commandCalls(PutCommand)[0]!.args[0].input).toEqual({
      TableName: 'chibo',
      Item: {
        pk: `FINDING#${identity}`,
        sk: 'FINDING',
        finding: raised,
        active: true,
        rev: 7,
        at: 1_775_000_000_000,
        mv: 6,
        owner,
        unitId: 'LC.NL.THCS',
        provinceId: 'LC',
        gsi2pk: 'PROV#LC',
        gsi2sk: `FINDING#LC/LC.NL/LC.NL.THCS/#2026-01#${identity}`,
      },
      ConditionExpression:
        'attribute_not_exists(#mv) OR #mv < :mv OR (#mv = :mv AND #o <> :o) OR (#mv = :mv AND #o = :o AND #r < :rev) OR (#mv = :mv AND #o = :o AND #r = :rev AND #a <= :now)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ':rev': 7, ':now': 1_775_000_000_000, ':mv': 6, ':o': owner },
    });
    // M-old has no register in this entry: version 0, so only this entry's own newer drop lands.
    expect(ddb.commandCalls(UpdateCommand)[0]!.args[0].input).toEqual({
      TableName: 'chibo',
      Key: { pk: 'FINDING#alert|quality/rating-below-kha|meeting:M-old|2026-01', sk: 'FINDING' },
      UpdateExpression: 'SET active = :false, #r = :rev, #a = :now, #mv = :mv, #o = :o REMOVE gsi2pk, gsi2sk',
      ConditionExpression:
        '(attribute_exists(pk) AND attribute_not_exists(#mv)) OR (#o = :o AND #mv < :mv) OR (#mv = :mv AND #o = :o AND #r < :rev) OR (#mv = :mv AND #o = :o AND #r = :rev AND #a <= :now)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ':rev': 7, ':now': 1_775_000_000_000, ':mv': 0, ':o': owner, ':false': false },
    });
  });
});
