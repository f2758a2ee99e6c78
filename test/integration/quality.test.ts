/**
 * Quality ratings in both runtimes: on a generated province-quarter whose
 * meetings are scored by the cell, rescored by the upper level, scored late
 * or not at all, the pipeline's handlers over dynalite raise exactly the
 * quality findings `chibo evaluate` raises, however the events arrive.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateProvince } from '../../bench/generate-province.ts';
import { instantMs } from '../../shared/calendar/period.ts';
import { MeetingEvent, type MeetingQuality } from '../../shared/contract/events.ts';
import type { Finding } from '../../shared/contract/findings.ts';
import { Engine } from '../../shared/engine/engine.ts';
import { Ledger } from '../../shared/ledger/ledger.ts';
import { buildOrg, evaluate, packs } from '../support/builders.ts';
import { excusedRunYear, monthly, org as runOrg } from '../support/excused-run-year.ts';
import type { LocalDynamo } from '../support/dynamo.ts';
import { Pipeline } from '../support/pipeline.ts';

const FROM = '2026-01-01T00:00:00+07:00';
const AS_OF = '2026-04-06T00:00:00+07:00';
const PACKS = packs('quality');
const DAY = 86_400_000;
const MAX = { preparation: 10, conduct: 30, chairing: 10, principles: 5, results: 30, closing: 5 };

/** Declared scores drawn from a seed: some full, some poor. */
function scoresFrom(seed: number): Record<string, number> {
  const [fractions] = fc.sample(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 6, maxLength: 6 }), { numRuns: 1, seed });
  return Object.fromEntries(Object.entries(MAX).map(([id, max], i) => [id, Math.round((max * fractions![i]!) / 10)]));
}

/** Every fourth regular meeting unscored, one scored by the cell, one rescored by the upper level, one scored after the week. */
function scored(events: readonly MeetingEvent[]): MeetingEvent[] {
  const out: MeetingEvent[] = [];
  events.forEach((e, i) => {
    if (e.type !== 'MeetingRecorded' || (e.kind !== 'regular' && e.kind !== 'combined')) return void out.push(e);
    const self: MeetingQuality = { sheet: 'hd42-100', scoredBy: 'self', scores: scoresFrom(i) };
    const later = (days: number) => new Date(instantMs(e.heldAt) + days * DAY).toISOString();
    switch (i % 4) {
      case 0:
        return void out.push(e);
      case 1:
        return void out.push({ ...e, quality: self });
      case 2:
        out.push({ ...e, quality: self });
        return void out.push({ ...e, eventId: `${e.eventId}-upper`, version: e.version + 100, recordedAt: later(3), quality: { ...self, scoredBy: 'upper', scores: scoresFrom(i + 1), selfScores: self.scores } });
      case 3:
        out.push(e);
        return void out.push({ ...e, eventId: `${e.eventId}-late`, version: e.version + 100, recordedAt: later(9), quality: self });
    }
  });
  // Every version passes the contract, as it would at the API.
  return out.map((e) => MeetingEvent.parse(e));
}

let local: LocalDynamo | undefined;
afterEach(async () => local?.stop());

describe('quality findings: the pipeline agrees with chibo evaluate', () => {
  it('on a generated province-quarter, in order and shuffled with duplicates', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chibo-quality-'));
    await generateProvince({ seed: 8, cells: 12, outDir: dir });
    const province = buildOrg(JSON.parse(await readFile(join(dir, 'org.json'), 'utf8')));
    const generated = (await readFile(join(dir, 'events.jsonl'), 'utf8'))
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => MeetingEvent.parse(JSON.parse(l)));
    const events = scored(generated).filter((e) => instantMs(e.recordedAt) <= instantMs(AS_OF));

    const engine = new Engine(province, PACKS);
    const ledger = new Ledger();
    for (const e of events) engine.apply(ledger, e);
    const want = engine.findingsAt(ledger, instantMs(AS_OF), { from: instantMs(FROM) });
    const byRule = (ruleId: string) => want.filter((f) => f.ruleId === ruleId).length;
    // The generated quarter exercises every quality rule.
    expect(byRule('quality/rating-below-kha')).toBeGreaterThan(3);
    expect(byRule('quality/self-upper-gap')).toBeGreaterThan(1);
    expect(byRule('quality/unscored-meeting')).toBeGreaterThan(3);

    const shuffled = fc.sample(fc.shuffledSubarray([...events, ...events.slice(0, 20)], { minLength: events.length + 20 }), { numRuns: 1, seed: 5 })[0]!;
    for (const order of [events, shuffled]) {
      const p = await Pipeline.start(province, PACKS, FROM, AS_OF);
      local = p.dynamo;
      for (const e of order) await p.record(e);
      await p.sweep(AS_OF);
      expect(await p.ledgerSnapshot()).toEqual(ledger.snapshot());
      expect(await p.activeFindings(province.snapshot)).toEqual(want);
      await local.stop();
      local = undefined;
    }
  }, 120_000);

  it('a late earlier meeting re-rates the later ones: the fourth excused absence in a row is found whatever arrives first', async () => {
    const year = excusedRunYear();
    const at = '2026-06-30T00:00:00+07:00';
    const p = await Pipeline.start(runOrg, PACKS, FROM, at);
    local = p.dynamo;
    // The months of April's and May's meetings name the notices; each recipient hears of each once.
    const sent = (kind: 'alert' | 'withdrawn') => {
      const notices = p.notifier.sent.filter((n) => n.attributes.kind === kind && n.attributes.ruleId === 'quality/rating-below-kha').map((n) => `${n.attributes.period} ${n.attributes.recipientId}`);
      expect(new Set(notices).size, kind).toBe(notices.length);
      return [...new Set(notices.map((n) => n.split(' ')[0]!))];
    };
    // The quality alerts; the monthly obligations of June would need a sweep.
    const qualityOnly = (findings: Finding[]) => findings.filter((f) => f.ruleId.startsWith('quality/'));
    const agrees = async (events: MeetingEvent[]) => expect(qualityOnly(await p.activeFindings(runOrg.snapshot))).toEqual(qualityOnly(evaluate(runOrg, events, PACKS, at, FROM)));

    // May and April first: each a run of one, khá.
    for (const e of [year[4]!, year[3]!]) await p.record(e);
    expect(sent('alert')).toEqual([]);
    // January to March late: April becomes the fourth excused absence in a row and May follows it.
    for (const e of [year[2]!, year[0]!, year[1]!]) await p.record(e);
    expect(sent('alert').sort()).toEqual(['2026-04', '2026-05']);
    await agrees(year);
    // February corrected (A01 was there after all): the run is broken and both alerts are withdrawn.
    const corrected = monthly('02', false, { version: 2, eventId: 'e-02-fix', recordedAt: '2026-06-01T08:00:00+07:00' });
    await p.record(corrected);
    expect(sent('withdrawn').sort()).toEqual(['2026-04', '2026-05']);
    await agrees([...year, corrected]);
  }, 60_000);

  it('in any order the year’s meetings arrive, April and May end alerted, each recipient told once, nothing withdrawn', async () => {
    const year = excusedRunYear();
    const at = '2026-06-30T00:00:00+07:00';
    // Arriving meetings only lengthen runs here (May, the one with A01 present, is the last), so nothing is ever withdrawn.
    for (const order of fc.sample(fc.shuffledSubarray(year, { minLength: year.length }), { numRuns: 4, seed: 11 })) {
      const p = await Pipeline.start(runOrg, PACKS, FROM, at);
      local = p.dynamo;
      for (const e of order) await p.record(e);
      const notices = p.notifier.sent.filter((n) => n.attributes.ruleId === 'quality/rating-below-kha');
      expect(notices.every((n) => n.attributes.kind === 'alert')).toBe(true);
      const told = notices.map((n) => `${n.attributes.period} ${n.attributes.recipientId}`);
      expect(new Set(told).size).toBe(told.length);
      expect([...new Set(notices.map((n) => n.attributes.period))].sort()).toEqual(['2026-04', '2026-05']);
      const qualityOnly = (findings: Finding[]) => findings.filter((f) => f.ruleId.startsWith('quality/'));
      expect(qualityOnly(await p.activeFindings(runOrg.snapshot))).toEqual(qualityOnly(evaluate(runOrg, year, PACKS, at, FROM)));
      await local.stop();
      local = undefined;
    }
  }, 60_000);
});
