/**
 * Round trips and capacity per meeting event, measured by the client
 * middleware on a real engine (dynalite reports consumed capacity): at most
 * 4 sequential round trips (3 before an event marked itself seen only once
 * its outcome is saved, issue 20); writes ≤ 3 + visiting leaders + members not
 * present; reads ≤ 4 (the budgets of issue 3).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MeetingRecorded } from '../../shared/contract/events.ts';
import { buildOrg, exampleEvents, exampleOrgJson, packs } from '../support/builders.ts';
import { startDynamo, type LocalDynamo } from '../support/dynamo.ts';
import { Pipeline } from '../support/pipeline.ts';

let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startDynamo();
});
afterAll(async () => dynamo.stop());

it('each meeting event of the example stays within its round-trip and capacity budget', async () => {
  const org = buildOrg(exampleOrgJson() as never);
  const pipeline = new Pipeline(dynamo, packs('yb-qd18'), '2026-01-01T00:00:00+07:00', '2026-04-04T00:00:00+07:00');
  await pipeline.orgStore.replace(org.snapshot);
  const rows = [];
  for (const event of exampleEvents()) {
    dynamo.meter.reset();
    const sentBefore = pipeline.notifier.sent.length;
    await pipeline.record(event);
    const m = dynamo.meter.reset();
    const notifies = pipeline.notifier.sent.length > sentBefore;
    const recorded = event as MeetingRecorded;
    const notPresent = recorded.attendance.filter((a) => a.status !== 'present').length + org.cellMembers(recorded.unitId).filter((mm) => !recorded.attendance.some((a) => a.memberId === mm.id)).length;
    const writeBudget = 3 + recorded.visitingLeaderIds.length + notPresent;
    rows.push({ meeting: event.meetingId, notifies, calls: m.calls, roundTrips: m.roundTrips, readUnits: m.readUnits, writeUnits: m.writeUnits, writeBudget });
  }
  console.table(rows);
  for (const r of rows) {
    // The reads, the claim with the registers, the publish's claims with the findings, then the last wave: the outcomes,
    // the sent marks and the event's own seen-mark (shared/use-cases/announce.ts). An event with nothing to announce skips the third.
    expect(r.roundTrips, r.meeting).toBeLessThanOrEqual(4);
    expect(r.readUnits, r.meeting).toBeLessThanOrEqual(4);
  }
  expect(rows.every((r) => r.readUnits > 0 && r.writeUnits > 0)).toBe(true);
});
