/**
 * Order independence through the real use cases on a real DynamoDB engine:
 * however the events arrive (duplicated, reordered, lower versions and
 * retractions overtaken, records landing after the sweep that raised what
 * they cure, sweeps in between) or in order once each, the pipeline ends
 * with exactly the ledger and findings of the canonical stream, as
 * `chibo evaluate` gives them (whose own order independence
 * order-independence.test.ts shows).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantMs } from '../../shared/calendar/period.ts';
import type { MeetingEvent } from '../../shared/contract/events.ts';
import { Engine } from '../../shared/engine/engine.ts';
import { Ledger } from '../../shared/ledger/ledger.ts';
import { BUILT_IN_PACKS } from '../../shared/rules/packs/index.ts';
import { anyEventStream, deliverySchedule, inOrder, PIPELINE_RUNS, type Step } from '../support/arbitraries.ts';
import { buildOrg, exampleOrgJson } from '../support/builders.ts';
import { openTable, startServer } from '../support/dynamo.ts';
import type { RunningEngine } from '../support/dynamodb-local.ts';
import { Pipeline } from '../support/pipeline.ts';

const org = buildOrg(exampleOrgJson() as never);
const PACKS = [...BUILT_IN_PACKS.values()];
const FROM = '2026-01-01T00:00:00+07:00';
const iso = (ms: number) => new Date(ms).toISOString();
/** From late January (January's deadline not yet passed) to after the first quarter's grace, late records still arriving. */
const untils = fc.integer({ min: instantMs('2026-01-25T00:00:00+07:00'), max: instantMs('2026-04-10T00:00:00+07:00') });

let server: RunningEngine;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

/** The steps through the use cases on a fresh table, then the sweep at `until`: what the pipeline says then. */
async function pipelineRun(steps: readonly Step[], until: number) {
  const dynamo = await openTable(server);
  try {
    const pipeline = new Pipeline(dynamo, PACKS, FROM, iso(until));
    await pipeline.orgStore.replace(org.snapshot);
    for (const step of steps) {
      if (step.type === 'sweep') await pipeline.sweep(iso(step.at));
      else await pipeline.record(step.event, step.at);
    }
    await pipeline.sweep(iso(until));
    return { findings: await pipeline.activeFindings(org.snapshot), ledger: await pipeline.ledgerSnapshot() };
  } finally {
    await dynamo.stop();
  }
}

/** The canonical stream's result: what `chibo evaluate` says at `until`. */
function evaluateAt(events: readonly MeetingEvent[], until: number) {
  const engine = new Engine(org, PACKS);
  const ledger = new Ledger();
  for (const e of events) if (instantMs(e.recordedAt) <= until) engine.apply(ledger, e);
  return { findings: engine.findingsAt(ledger, until, { from: instantMs(FROM) }), ledger: ledger.snapshot() };
}

/** A quarter of the runs deliver in order, once each; the rest duplicated, reordered, late, with up to two sweeps between. */
const runs = fc
  .tuple(anyEventStream(org, { maxMeetings: 5 }), untils)
  .chain(([events, until]) =>
    fc.tuple(fc.constant(events), fc.constant(until), fc.oneof({ weight: 1, arbitrary: fc.constant(inOrder(events, until)) }, { weight: 3, arbitrary: deliverySchedule(events, until, { maxSweeps: 2, maxCopies: 2 }) })),
  );

describe('the pipeline on DynamoDB: findings depend on the set of events, not on how they arrive', () => {
  it('in order or duplicated, reordered and late with sweeps between, it ends with the canonical ledger and findings', async () => {
    await fc.assert(
      fc.asyncProperty(runs, async ([events, until, steps]) => {
        expect(await pipelineRun(steps, until)).toEqual(evaluateAt(events, until));
      }),
      { numRuns: PIPELINE_RUNS },
    );
  }, 900_000);
});
