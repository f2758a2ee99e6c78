/**
 * The daily sweep over dynalite: reminders inside the window go to the
 * people who owe, violations past grace to the inspection committees, each
 * once whatever the retries; a sweep reads in proportion to what is open.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { instantMs } from '../../shared/calendar/period.ts';
import { Engine } from '../../shared/engine/engine.ts';
import { Ledger } from '../../shared/ledger/ledger.ts';
import { buildOrg, exampleEvents, exampleOrgJson, packs } from '../support/builders.ts';
import { Pipeline } from '../support/pipeline.ts';

const FROM = '2026-01-01T00:00:00+07:00';
const PACKS = packs('yb-qd18');
const org = buildOrg(exampleOrgJson() as never);
const events = exampleEvents();

let pipeline: Pipeline;
beforeEach(async () => {
  pipeline = await Pipeline.start(org, PACKS, FROM, FROM);
});
afterEach(() => pipeline.dynamo.stop());

function cliAt(at: string) {
  const engine = new Engine(org, PACKS);
  const ledger = new Ledger();
  for (const e of events) if (instantMs(e.recordedAt) <= instantMs(at)) engine.apply(ledger, e);
  return engine.findingsAt(ledger, instantMs(at), { from: instantMs(FROM) });
}

/** Events as they arrive in time, with a sweep every morning at 06:00 from January to early April. */
async function liveQuarter(until: string, afterSweep?: (day: number) => Promise<void>) {
  const queue = [...events].sort((a, b) => instantMs(a.recordedAt) - instantMs(b.recordedAt));
  for (let day = instantMs('2026-01-01T06:00:00+07:00'); day <= instantMs(until); day += 24 * 3600_000) {
    while (queue.length > 0 && instantMs(queue[0]!.recordedAt) <= day) {
      const event = queue.shift()!;
      await pipeline.record(event, event.recordedAt);
    }
    await pipeline.sweep(new Date(day).toISOString());
    await afterSweep?.(day);
  }
}

describe('the daily sweep', () => {
  it('day by day, the active findings equal chibo evaluate at every morning checked', async () => {
    const checks = ['2026-01-29T06:00:00+07:00', '2026-02-27T06:00:00+07:00', '2026-03-05T06:00:00+07:00', '2026-03-29T06:00:00+07:00', '2026-04-04T06:00:00+07:00'].map(instantMs);
    let checked = 0;
    await liveQuarter('2026-04-04T06:00:00+07:00', async (day) => {
      if (!checks.includes(day)) return;
      checked++;
      expect(await pipeline.activeFindings(org.snapshot), new Date(day).toISOString()).toEqual(cliAt(new Date(day).toISOString()));
    });
    expect(checked).toBe(checks.length);
  }, 60_000);

  it('reminders go to the people who owe, violations add the inspection committee; each is sent once', async () => {
    await liveQuarter('2026-04-04T06:00:00+07:00');
    const sent = pipeline.notifier.sent;
    const reminders = sent.filter((n) => n.attributes.kind === 'reminder');
    const violations = sent.filter((n) => n.attributes.kind === 'violation');
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders.every((n) => n.topic === 'reminders' && !n.attributes.recipientId.startsWith('ubkt:'))).toBe(true);
    expect(violations.every((n) => n.topic === 'violations')).toBe(true);
    expect(violations.some((n) => n.attributes.recipientId.startsWith('ubkt:'))).toBe(true);
    const keys = sent.map((n) => JSON.stringify(n.attributes));
    expect(new Set(keys).size).toBe(keys.length);
    // Running the last sweep again changes nothing and sends nothing.
    const before = sent.length;
    await pipeline.sweep('2026-04-04T06:00:00+07:00');
    expect(pipeline.notifier.sent.length).toBe(before);
  }, 60_000);

  it('a sweep reads what is open, not the org: reads grow with open obligations', async () => {
    await liveQuarter('2026-04-03T06:00:00+07:00');
    pipeline.dynamo.meter.reset();
    await pipeline.sweep('2026-04-04T06:00:00+07:00');
    const m = pipeline.dynamo.meter.reset();
    console.log('sweep of one province on a quiet morning:', m);
    expect(m.byCommand['ScanCommand'] ?? 0).toBe(0);
    expect(m.readUnits).toBeLessThan(20);
  }, 60_000);
});
