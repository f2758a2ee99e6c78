/**
 * An event cut short after its claim (the process died, the handler timed
 * out) is finished by its redelivery: a version's alerts announced, a
 * retraction's withdrawals sent. Before, a retraction's redelivery found its
 * own claim, read "retracted" and stopped, and the withdrawals never went.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingRecorded, MeetingRetracted } from '../../shared/contract/events.ts';
import { recordMeeting } from '../../shared/use-cases/record-meeting.ts';
import type { LedgerStore } from '../../shared/ports/ledger-store.ts';
import { buildOrg, exampleEvents, exampleOrgJson, packs } from '../support/builders.ts';
import { Pipeline } from '../support/pipeline.ts';

let pipeline: Pipeline;
const first = exampleEvents()[0]!;
const retraction: MeetingRetracted = { type: 'MeetingRetracted', eventId: 'e-retract', meetingId: first.meetingId, recordedAt: '2026-01-09T08:00:00+07:00', reason: 'ghi nhầm' };

beforeAll(async () => {
  pipeline = await Pipeline.start(buildOrg(exampleOrgJson() as never), packs('yb-qd18'), '2026-01-01T00:00:00+07:00', '2026-01-09T09:00:00+07:00');
});
afterAll(async () => pipeline.dynamo.stop());

/** The store, its claim written and every register write failing: the handler dies between the two. */
function dyingAfterClaim(store: LedgerStore): LedgerStore {
  const wrapped = Object.create(store) as LedgerStore;
  let claimed: Promise<unknown> = Promise.resolve();
  wrapped.claimMeeting = (claim) => (claimed = store.claimMeeting(claim)) as Promise<boolean>;
  // The claim and the registers go out together: fail once the claim has landed, as a process killed then would.
  wrapped.writeRegister = async () => {
    await claimed;
    throw new Error('killed after the claim');
  };
  return wrapped;
}

describe('an event cut short after its claim', () => {
  it('a version: its redelivery announces the alerts it raises, once each', async () => {
    await expect(recordMeeting(first, { ...pipeline.deps, store: dyingAfterClaim(pipeline.store) })).rejects.toThrow('killed after the claim');
    expect(pipeline.notifier.sent).toEqual([]);
    expect(await pipeline.queries.seenEventIds([first])).toEqual(new Set());
    expect(await pipeline.record(first)).toBe('applied');
    const alerts = pipeline.notifier.sent.filter((n) => n.attributes.kind === 'alert');
    expect(alerts.length).toBeGreaterThan(0);
    expect(new Set(alerts.map((n) => `${n.attributes.ruleId}|${n.attributes.recipientId}`)).size).toBe(alerts.length);
    expect(await pipeline.queries.seenEventIds([first])).toEqual(new Set([first.eventId]));
  });

  it('a retraction: its redelivery withdraws what the meeting had raised', async () => {
    const raised = pipeline.notifier.sent.filter((n) => n.attributes.kind === 'alert').length;
    await expect(recordMeeting(retraction, { ...pipeline.deps, store: dyingAfterClaim(pipeline.store) })).rejects.toThrow('killed after the claim');
    expect(await pipeline.record(retraction)).toBe('applied');
    const withdrawn = pipeline.notifier.sent.filter((n) => n.attributes.kind === 'withdrawn');
    expect(withdrawn.length).toBe(raised);
    // A later version of the retracted meeting changes nothing.
    expect(await pipeline.record({ ...(first as MeetingRecorded), eventId: 'e-late', version: 2 })).toBe('retracted');
  });
});
