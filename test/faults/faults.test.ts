/**
 * Issue 6, faults: under 20% injected faults (DynamoDB requests throttled or
 * 5xx, first publishes of notifications failing after the ledger writes,
 * queue deliveries failing, a few messages failing every delivery) the
 * pipeline run through its queues ends where a fault-free run ends: the same
 * ledger, the same findings, every notification exactly once, and every
 * message that exhausted its receives dead-lettered with its reason and
 * completed by a redrive.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deadlineSweepInstant, PIPELINE_ENV } from '../../bench/pipeline.ts';
import { LineWriter } from '../../bench/line-writer.ts';
import { ProvinceEvents } from '../../bench/province-events.ts';
import { buildProvince } from '../../bench/province-org.ts';
import { Rng } from '../../bench/rng.ts';
import { pipelineConfig } from '../../shared/use-cases/pipeline-config.ts';
import { formatInstant, instantMs } from '../../shared/calendar/period.ts';
import { MeetingEvent } from '../../shared/contract/events.ts';
import type { OrgSnapshot } from '../../shared/contract/org.ts';
import type { FaultPlan } from '../../local/faults.ts';
import { exampleEvents, exampleOrgJson } from '../support/builders.ts';
import { startDynamo, type LocalDynamo } from '../support/dynamo.ts';
import { QueuedPipeline } from '../support/faults.ts';

const FAULTS: Omit<FaultPlan, 'seed'> = { dynamo: 0.2, publish: 0.2, delivery: 0.2, poison: 0.02 };
const config = pipelineConfig({ ...PIPELINE_ENV });
const engines: LocalDynamo[] = [];
afterAll(async () => Promise.all(engines.map((e) => e.stop())));

interface Outcome {
  ledger: Record<string, Record<string, string[]>>;
  findings: unknown[];
  notifications: string[];
  run: QueuedPipeline;
}

async function run(org: OrgSnapshot, events: readonly MeetingEvent[], sweepAt: string, plan: FaultPlan | null): Promise<Outcome> {
  const dynamo = await startDynamo();
  engines.push(dynamo);
  const pipeline = new QueuedPipeline(dynamo, config, sweepAt, plan);
  await pipeline.loadOrg(org);
  await pipeline.record(events);
  await pipeline.sweep(sweepAt);
  const findings = (await pipeline.view.activeFindings(org)).map((f) => JSON.stringify(f)).sort();
  const notifications = pipeline.notifier.sent.map((n) => JSON.stringify(n)).sort();
  return { ledger: await pipeline.view.ledgerSnapshot(), findings, notifications, run: pipeline };
}

async function compare(name: string, org: OrgSnapshot, events: readonly MeetingEvent[], sweepAt: string, seed: number) {
  const clean = await run(org, events, sweepAt, null);
  const faulty = await run(org, events, sweepAt, { seed, ...FAULTS });
  const figures = faulty.run.figures(events.length);
  console.log(`${name}: ${JSON.stringify({ ...figures, byKind: faulty.run.faults.counts, faultFree: clean.run.figures(events.length) })}`);

  // Without faults only a concurrent delivery of the same meeting is retried (it lost the claim).
  expect(clean.run.figures(events.length)).toMatchObject({ faultsInjected: 0, deadLettered: 0 });
  expect(Object.keys(clean.ledger).length).toBeGreaterThan(0);
  expect(clean.notifications.length).toBeGreaterThan(0);
  // The faults happened, and the queues saw them.
  expect(figures.faultsInjected).toBeGreaterThan(0);
  expect(figures.retries).toBeGreaterThan(0);

  expect(faulty.ledger).toEqual(clean.ledger);
  expect(faulty.findings).toEqual(clean.findings);
  // Exactly once: the same notices as without faults, none twice.
  expect(new Set(faulty.notifications).size).toBe(faulty.notifications.length);
  expect(faulty.notifications).toEqual(clean.notifications);
  // Every message that exhausted its receives was dead-lettered with why, and its redrive completed it.
  for (const letter of faulty.run.deadLettersSeen) expect(letter.reason).toMatch(/^failed 3 times: /);
  expect(figures.redriven).toBe(figures.deadLettered);
  expect(faulty.run.deadLetters.letters).toEqual([]);
  return figures;
}

describe('a compliance record is never lost or double-counted under faults', () => {
  it('the Yên Bái example quarter', async () => {
    const figures = await compare('example Q1', exampleOrgJson(), exampleEvents(), '2026-04-04T06:00:00+07:00', 6);
    expect(figures.events).toBe(9);
  }, 60_000);

  it('a generated province-month (200 cells, January)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chibo-faults-'));
    try {
      const rng = new Rng(2026);
      const province = buildProvince(rng, 200);
      const writer = new LineWriter(join(dir, 'events.jsonl'));
      await new ProvinceEvents(rng, writer).writeMonths(province, 1);
      await writer.close();
      const events = (await readFile(join(dir, 'events.jsonl'), 'utf8'))
        .split('\n')
        .filter(Boolean)
        .map((l) => MeetingEvent.parse(JSON.parse(l)));
      const lastRecordedAt = Math.max(...events.map((e) => instantMs(e.recordedAt)));
      const sweepAt = formatInstant(deadlineSweepInstant(lastRecordedAt, Math.max(...config.packs.map((p) => p.graceDays))));
      const figures = await compare('province-month', province.org as OrgSnapshot, events, sweepAt, 7);
      expect(figures.deadLettered).toBeGreaterThan(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
