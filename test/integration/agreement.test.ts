/**
 * One engine, two runtimes: the pipeline's handlers over a real DynamoDB
 * engine (dynalite) must leave the same ledger and raise the same findings
 * as `chibo evaluate` on the same input, however the events arrive.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateProvince } from '../../bench/generate-province.ts';
import { MeetingEvent } from '../../shared/contract/events.ts';
import { BUILT_IN_PACKS } from '../../shared/rules/packs/index.ts';
import { Engine } from '../../shared/engine/engine.ts';
import { Ledger } from '../../shared/ledger/ledger.ts';
import { instantMs } from '../../shared/calendar/period.ts';
import { buildOrg, exampleEvents, exampleOrgJson, packs, retraction, meeting } from '../support/builders.ts';
import { startDynamo } from '../support/dynamo.ts';
import { Pipeline } from '../support/pipeline.ts';

const FROM = '2026-01-01T00:00:00+07:00';
const AS_OF = '2026-04-04T00:00:00+07:00';
const PACKS = packs('yb-qd18');
const org = buildOrg(exampleOrgJson() as never);

function cli(events: readonly MeetingEvent[]) {
  const engine = new Engine(org, PACKS);
  const ledger = new Ledger();
  const at = instantMs(AS_OF);
  for (const e of events) if (instantMs(e.recordedAt) <= at) engine.apply(ledger, e);
  return { findings: engine.findingsAt(ledger, at, { from: instantMs(FROM) }), ledger: ledger.snapshot() };
}

let pipeline: Pipeline;
beforeEach(async () => {
  pipeline = await Pipeline.start(org, PACKS, FROM, AS_OF);
});
afterEach(() => pipeline.dynamo.stop());

async function runPipeline(events: readonly MeetingEvent[]) {
  for (const e of events) await pipeline.record(e);
  await pipeline.sweep(AS_OF);
  return { findings: await pipeline.activeFindings(org.snapshot), ledger: await pipeline.ledgerSnapshot() };
}

describe('the pipeline agrees with chibo evaluate', () => {
  it('on the example quarter delivered in order', async () => {
    const events = exampleEvents();
    const got = await runPipeline(events);
    const want = cli(events);
    expect(Object.keys(want.ledger).length).toBeGreaterThan(5);
    expect(want.findings.map((f) => f.kind).sort()).toEqual(['alert', 'alert', 'alert', 'alert', 'violation', 'violation', 'violation', 'violation']);
    expect(got.ledger).toEqual(want.ledger);
    expect(got.findings).toEqual(want.findings);
  });

  it('shuffled, with duplicates', async () => {
    const events = exampleEvents();
    const shuffled = fc.sample(fc.shuffledSubarray([...events, ...events.slice(0, 4)], { minLength: events.length + 4 }), { numRuns: 1, seed: 7 })[0]!;
    const got = await runPipeline(shuffled);
    const want = cli(events);
    expect(got.ledger).toEqual(want.ledger);
    expect(got.findings).toEqual(want.findings);
  });

  it('with a retraction and a late record after the sweep: the violation is withdrawn and its recipients told', async () => {
    const events = exampleEvents();
    const first = events.find((e) => e.type === 'MeetingRecorded')!;
    await runPipeline(events);
    const violation = (await pipeline.activeFindings(org.snapshot)).find((f) => f.kind === 'violation' && f.subject.id === 'LC.NL.TDP5' && f.period === '2026-02');
    expect(violation).toBeDefined();
    const late = meeting({ meetingId: 'late-feb', unitId: 'LC.NL.TDP5', heldAt: '2026-02-27T19:30:00+07:00', endedAt: '2026-02-27T21:15:00+07:00', recordedAt: '2026-04-02T08:00:00+07:00' });
    const more = [retraction(first.meetingId, '2026-03-30T08:00:00+07:00'), late];
    const got = await runPipeline(more);
    const want = cli([...events, ...more]);
    expect(got.ledger).toEqual(want.ledger);
    expect(got.findings).toEqual(want.findings);
    const withdrawn = pipeline.notifier.sent.filter((n) => n.attributes.kind === 'withdrawn' && n.attributes.unitId === 'LC.NL.TDP5' && n.attributes.period === '2026-02');
    expect(withdrawn.map((n) => n.attributes.recipientId).sort()).toEqual([...violation!.recipients].sort());
  });
});

describe('the pipeline agrees with chibo evaluate on a generated province quarter, all packs', () => {
  it('in order, then shuffled with duplicates', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chibo-province-'));
    await generateProvince({ seed: 11, cells: 24, outDir: dir });
    const province = buildOrg(JSON.parse(await readFile(join(dir, 'org.json'), 'utf8')));
    const asOf = '2026-04-06T00:00:00+07:00';
    const events = (await readFile(join(dir, 'events.jsonl'), 'utf8'))
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => MeetingEvent.parse(JSON.parse(l)))
      .filter((e) => instantMs(e.recordedAt) <= instantMs(asOf));
    const allPacks = packs(...[...BUILT_IN_PACKS.keys()].filter((n) => n !== 'dieu-le'));
    const engine = new Engine(province, allPacks);
    const ledger = new Ledger();
    for (const e of events) engine.apply(ledger, e);
    const want = { findings: engine.findingsAt(ledger, instantMs(asOf), { from: instantMs(FROM) }), ledger: ledger.snapshot() };
    expect(want.findings.length).toBeGreaterThan(20);

    for (const order of [events, fc.sample(fc.shuffledSubarray([...events, ...events.slice(0, 30)], { minLength: events.length + 30 }), { numRuns: 1, seed: 3 })[0]!]) {
      const local = await startDynamo();
      try {
        const p = new Pipeline(local, allPacks, FROM, asOf);
        await p.orgStore.replace(province.snapshot);
        for (const e of order) await p.record(e);
        await p.sweep(asOf);
        expect(await p.ledgerSnapshot()).toEqual(want.ledger);
        expect(await p.activeFindings(province.snapshot)).toEqual(want.findings);
      } finally {
        await local.stop();
      }
    }
  }, 120_000);
});

describe('pack bindings stored with the org', () => {
  it('a pack bound to the ward governs there in the pipeline as in the CLI', async () => {
    const boundOrg = buildOrg({ ...(exampleOrgJson() as object), packs: [{ pack: 'yb-qd18', unitId: 'LC.NL', from: '2019-04-16' }] } as never);
    const events = exampleEvents();
    const all = [...BUILT_IN_PACKS.values()];
    const everywhere = new Set(['dieu-le']);
    const engine = new Engine(boundOrg, all, { everywhere });
    const ledger = new Ledger();
    for (const e of events) engine.apply(ledger, e);
    const want = engine.findingsAt(ledger, instantMs(AS_OF), { from: instantMs(FROM) });
    expect(want.some((f) => f.ruleId.startsWith('yb-qd18/'))).toBe(true);

    const local = await startDynamo();
    try {
      const p = new Pipeline(local, all, FROM, AS_OF, everywhere);
      await p.orgStore.replace(boundOrg.snapshot);
      for (const e of events) await p.record(e);
      await p.sweep(AS_OF);
      expect(await p.activeFindings(boundOrg.snapshot)).toEqual(want);
    } finally {
      await local.stop();
    }
  });
});
