/**
 * A month without a sweep (the scheduler down all February): the next sweep
 * opens every period begun since the last month it opened, so a cell that
 * never met in February still owes February's meeting.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildOrg, evaluate, exampleOrgJson, keysOf, packs } from '../support/builders.ts';
import { Pipeline } from '../support/pipeline.ts';

const FROM = '2026-01-01T00:00:00+07:00';
const PACKS = packs();
const org = buildOrg(exampleOrgJson() as never);

let pipeline: Pipeline;
beforeEach(async () => {
  pipeline = await Pipeline.start(org, PACKS, FROM, FROM);
});
afterEach(() => pipeline.dynamo.stop());

it('the sweep after a month with none opens that month too: its violations are raised, as chibo evaluate raises them', async () => {
  await pipeline.sweep('2026-01-05T06:00:00+07:00');
  const [march] = await pipeline.sweep('2026-03-05T06:00:00+07:00');
  const expected = evaluate(org, [], PACKS, '2026-03-05T06:00:00+07:00', FROM);
  expect(keysOf(expected)).toContain('violation dieu-le/monthly-regular-meeting cell:LC.NL.TDP2 2026-02');
  expect(await pipeline.activeFindings(org.snapshot)).toEqual(expected);
  // February's and March's obligations, one per cell and month.
  expect(march?.opened).toBe(6);
});
