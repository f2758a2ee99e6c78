/**
 * Two deliveries of one meeting at once (SQS delivers at least once, and
 * several consumers drain the queue): whichever claims the meeting first,
 * the meeting counts once, and the later version wins.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { pipelineConfig } from '../../shared/use-cases/pipeline-config.ts';
import { MAX_RECEIVES } from '../../local/in-process-bus.ts';
import type { MeetingEvent } from '../../shared/contract/events.ts';
import { attendance, exampleOrgJson, meeting } from '../support/builders.ts';
import { startDynamo, type LocalDynamo } from '../support/dynamo.ts';
import { QueuedPipeline } from '../support/faults.ts';

const config = pipelineConfig({ RULE_PACKS: 'yb-qd18', MONITOR_FROM: '2026-01' });
let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startDynamo();
});
afterAll(async () => dynamo.stop());

const org = exampleOrgJson();
const cell = org.units.find((u) => u.kind === 'cell')!;
const members = org.members.filter((m) => m.cellId === cell.id).map((m) => m.id);
const slotsOf = (ledger: Record<string, Record<string, string[]>>, meetingId: string) =>
  Object.entries(ledger).filter(([, slots]) => Object.values(slots).some((ids) => ids.includes(meetingId))).map(([key]) => key);

describe('concurrent deliveries of one meeting', () => {
  it('the same event twice at once counts once; two versions at once leave the later', async () => {
    const pipeline = new QueuedPipeline(dynamo, config, '2026-02-10T00:00:00+07:00', null, 8);
    await pipeline.loadOrg(org);
    // Each meeting delivered twice at once, and each pair of versions at once: some pairs race on the claim.
    const once = Array.from({ length: 12 }, (_, i) => meeting({ unitId: cell.id, meetingId: `twice-${i}`, heldAt: `2026-01-${String(i + 2).padStart(2, '0')}T19:00:00+07:00`, attendance: attendance(members) }));
    const v1s = Array.from({ length: 12 }, (_, i) => meeting({ unitId: cell.id, meetingId: `versions-${i}`, heldAt: `2026-01-${String(i + 14).padStart(2, '0')}T19:00:00+07:00`, attendance: attendance(members) }));
    const v2s = v1s.map((v1) => ({ ...v1, eventId: `${v1.eventId}.v2`, version: 2, kind: 'combined' as const }));
    // Straight to the use case, past the in-process queue (which keeps one meeting's deliveries apart), as concurrent SQS consumers would; a failure is redelivered.
    // The race shows: a delivery that lost the claim and was redelivered, or a version found stale or already applied.
    let raced = 0;
    const deliver = async (e: MeetingEvent) => {
      for (let receive = 1; ; receive++) {
        try {
          const outcome = await pipeline.view.record(e);
          if (outcome === 'stale' || receive > 1) raced++;
          return outcome;
        } catch (err) {
          if (receive === MAX_RECEIVES) throw err;
        }
      }
    };
    await Promise.all([...once.flatMap((e) => [e, e]), ...v1s.flatMap((v1, i) => (i % 2 ? [v1, v2s[i]!] : [v2s[i]!, v1]))].map(deliver));
    const ledger = await pipeline.view.ledgerSnapshot();
    expect(raced).toBeGreaterThan(0);
    const alone = new QueuedPipeline(await startDynamo(), config, '2026-02-10T00:00:00+07:00', null, 1);
    onTestFinished(() => alone.dynamo.stop());
    await alone.loadOrg(org);
    await alone.record([...once, ...v1s]);
    await alone.record(v2s);
    for (const e of [...once, ...v1s]) expect(slotsOf(ledger, e.meetingId).length, e.meetingId).toBeGreaterThan(0);
    expect(ledger).toEqual(await alone.view.ledgerSnapshot());
  });
});
