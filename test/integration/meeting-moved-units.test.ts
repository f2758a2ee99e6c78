/**
 * A meeting recorded in one cell, corrected to another, then retracted: the
 * retraction reconciles the first cell's obligation too, so it needs that
 * cell's org (the meeting item's `units`). Without it the obligation was
 * filed under a "province" named after the cell, where no sweep looks.
 */
import { expect, it, onTestFinished } from 'vitest';
import type { MeetingEvent } from '../../shared/contract/events.ts';
import { buildOrg, evaluate, exampleOrgJson, keysOf, meeting, packs, retraction } from '../support/builders.ts';
import { Pipeline } from '../support/pipeline.ts';

const FROM = '2026-01-01T00:00:00+07:00';
const PACKS = packs();
const org = buildOrg(exampleOrgJson() as never);

it('a retraction of a meeting that moved cells keeps the first cell’s obligation in its province: the sweep raises its violation', async () => {
  const heldAt = '2026-01-08T19:30:00+07:00';
  const inTdp2 = meeting({ meetingId: 'M-1', unitId: 'LC.NL.TDP2', heldAt, recordedAt: '2026-01-09T08:00:00+07:00' });
  const movedToTdp5 = meeting({ meetingId: 'M-1', version: 2, unitId: 'LC.NL.TDP5', heldAt, recordedAt: '2026-01-10T08:00:00+07:00' });
  // Inside January's reminder window, so the retraction changes TDP2's January obligation and saves where it belongs.
  const retracted = retraction('M-1', '2026-01-25T08:00:00+07:00');
  const events: MeetingEvent[] = [inTdp2, movedToTdp5, retracted];
  const pipeline = await Pipeline.start(org, PACKS, FROM, FROM);
  onTestFinished(() => pipeline.dynamo.stop());
  // A first sweep before the meeting: later sweeps open only new months and find the rest by the open-obligations index.
  await pipeline.sweep('2026-01-02T06:00:00+07:00');
  for (const event of events) await pipeline.record(event, event.recordedAt);

  const sweptAt = '2026-02-05T06:00:00+07:00';
  await pipeline.sweep(sweptAt);
  const expected = evaluate(org, events, PACKS, sweptAt, FROM);
  expect(keysOf(expected)).toContain('violation dieu-le/monthly-regular-meeting cell:LC.NL.TDP2 2026-01');
  expect(await pipeline.activeFindings(org.snapshot)).toEqual(expected);
});

it('a scored meeting moved to another cell takes its quality alert along, and nobody is told it was withdrawn (both orders of the two cells’ writes: finding-order.test.ts)', async () => {
  const quality = packs('quality');
  const heldAt = '2026-01-08T19:30:00+07:00';
  const poor = { sheet: 'hd42-100', scoredBy: 'self' as const, scores: { conduct: 10 } };
  const present = (cell: string) => [1, 2, 3, 4, 5].map((n) => ({ memberId: `${cell}-${n}`, status: 'present' as const }));
  const inTdp5 = meeting({ meetingId: 'M-q', version: 5, unitId: 'LC.NL.TDP5', heldAt, attendance: present('TDP5'), quality: poor, recordedAt: '2026-01-09T08:00:00+07:00' });
  // Higher revs on the first cell's year, so an order by entry revs alone would let its withdrawal win.
  const others = [1, 2, 3].map((n) => meeting({ meetingId: `M-o${n}`, unitId: 'LC.NL.TDP5', heldAt: `2026-01-1${n}T19:30:00+07:00`, attendance: present('TDP5'), recordedAt: '2026-01-15T08:00:00+07:00' }));
  const movedToThcs = meeting({ meetingId: 'M-q', version: 6, unitId: 'LC.NL.THCS', heldAt, attendance: present('THCS'), quality: poor, recordedAt: '2026-01-20T08:00:00+07:00' });
  const events: MeetingEvent[] = [inTdp5, ...others, movedToThcs];
  const p = await Pipeline.start(org, quality, FROM, '2026-01-20T08:00:00+07:00');
  onTestFinished(() => p.dynamo.stop());
  for (const event of events) await p.record(event);
  const expected = evaluate(org, events, quality, '2026-01-20T08:00:00+07:00', FROM).filter((f) => f.ruleId === 'quality/rating-below-kha');
  expect(keysOf(expected)).toEqual(['alert quality/rating-below-kha meeting:M-q 2026-01']);
  expect(expected[0]!.message.vi).toMatch(/Trường THCS/);
  expect((await p.activeFindings(org.snapshot)).filter((f) => f.ruleId === 'quality/rating-below-kha')).toEqual(expected);
  expect(p.notifier.sent.filter((n) => n.attributes.kind === 'withdrawn')).toEqual([]);
});
