import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateInShares } from '../../cli/evaluate-in-workers.ts';
import { evaluateInThisThread, type EvaluateArgs } from '../../cli/evaluation-setup.ts';
import type { MeetingEvent } from '../../shared/contract/events.ts';
import { parseOrg } from '../../shared/org/parse-org.ts';
import { BUILT_IN_PACKS } from '../../shared/rules/packs/index.ts';
import { anyEventStream, deliveredAtLeastOnce, RUNS } from '../support/arbitraries.ts';
import { exampleOrgJson } from '../support/builders.ts';
import { tempFiles } from '../support/cli.ts';
import { inThreadShares } from '../support/in-thread-shares.ts';

const orgJson = exampleOrgJson();
const parsed = parseOrg(orgJson);
if (!parsed.ok) throw new Error('example org is invalid');
const org = parsed.value;
const packs = [...BUILT_IN_PACKS.keys()].join(',');
const asOf = fc.constantFrom('2026-02-10T00:00:00+07:00', '2026-04-04T00:00:00+07:00', '2026-05-20T00:00:00+07:00');
/** Each run writes files and reads the org once per share. */
const SHARE_RUNS = Math.min(RUNS, 150);

async function bothWays(events: readonly MeetingEvent[], at: string, counts: readonly number[]) {
  const files = tempFiles({ 'org.json': JSON.stringify(orgJson), 'events.jsonl': events.map((e) => JSON.stringify(e)).join('\n') });
  const args: EvaluateArgs = { org: files['org.json']!, events: files['events.jsonl']!, packs, asOf: at };
  const { findings } = await evaluateInThisThread(args);
  const one = findings.map((f) => JSON.stringify(f));
  const split = await Promise.all(counts.map((n) => evaluateInShares(args, undefined, inThreadShares(args, n))));
  return { one, split };
}

describe('one run split over shares makes exactly the findings of one thread', () => {
  it('2 and 4 shares: meetings moving cells between versions, retractions, leaders visiting many cells, duplicates in any order', async () => {
    await fc.assert(
      fc.asyncProperty(anyEventStream(org).chain((events) => fc.tuple(deliveredAtLeastOnce(events), asOf)), async ([events, at]) => {
        const { one, split } = await bothWays(events, at, [2, 4]);
        for (const lines of split) expect(lines).toEqual(one);
      }),
      { numRuns: SHARE_RUNS },
    );
  });

  it('an event id reused by another meeting is applied once, as in one thread', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyEventStream(org).filter((events) => new Set(events.map((e) => e.meetingId)).size > 1),
        fc.nat(),
        fc.nat(),
        asOf,
        async (events, i, j, at) => {
          const a = events[i % events.length]!;
          const others = events.filter((e) => e.meetingId !== a.meetingId);
          const b = others[j % others.length]!;
          const reused = events.map((e) => (e === b ? { ...e, eventId: a.eventId } : e));
          const { one, split } = await bothWays(reused, at, [2, 4]);
          for (const lines of split) expect(lines).toEqual(one);
        },
      ),
      { numRuns: Math.ceil(SHARE_RUNS / 3) },
    );
  });
});
