import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantMs } from '../../shared/calendar/period.ts';
import type { MeetingEvent } from '../../shared/contract/events.ts';
import { Engine } from '../../shared/engine/engine.ts';
import { Ledger } from '../../shared/ledger/ledger.ts';
import { parseOrg } from '../../shared/org/parse-org.ts';
import { BUILT_IN_PACKS } from '../../shared/rules/packs/index.ts';
import { anyEventStream, chunksOf, deliveredAtLeastOnce, RUNS } from '../support/arbitraries.ts';
import { exampleOrgJson } from '../support/builders.ts';

const parsed = parseOrg(exampleOrgJson());
if (!parsed.ok) throw new Error('example org is invalid');
const org = parsed.value;
const engine = new Engine(org, [...BUILT_IN_PACKS.values()]);
const instants = fc.integer({ min: instantMs('2026-01-15T00:00:00+07:00'), max: instantMs('2026-05-01T00:00:00+07:00') });

/** What `chibo evaluate` does at an instant: apply what is known, then read. */
function run(chunks: MeetingEvent[][], at: number) {
  const ledger = new Ledger();
  const from = instantMs('2026-01-01T00:00:00+07:00');
  for (const chunk of chunks) {
    for (const e of chunk) if (instantMs(e.recordedAt) <= at) engine.apply(ledger, e);
    engine.findingsAt(ledger, at, { from }); // a read between chunks must change nothing
  }
  return { findings: engine.findingsAt(ledger, at, { from }), ledger: ledger.snapshot() };
}

describe('findings depend on the set of events, not on how they arrive', () => {
  it('permuting the events and duplicating any of them changes nothing', () => {
    fc.assert(
      fc.property(
        anyEventStream(org).chain((events) => fc.tuple(fc.constant(events), deliveredAtLeastOnce(events), instants)),
        ([canonical, delivered, at]) => {
          const expected = run([canonical], at);
          const actual = run([delivered], at);
          expect(actual.findings).toEqual(expected.findings);
          expect(actual.ledger).toEqual(expected.ledger);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('splitting the stream into chunks, with reads in between, changes nothing', () => {
    fc.assert(
      fc.property(
        anyEventStream(org).chain((events) => fc.tuple(fc.constant(events), chunksOf(events), instants)),
        ([events, chunks, at]) => {
          expect(run(chunks, at)).toEqual(run([events], at));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('the streams exercise the rules: some runs raise every kind of finding', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(anyEventStream(org), instants, (events, at) => {
        for (const f of run([events], at).findings) kinds.add(f.kind);
      }),
      { numRuns: 100 },
    );
    expect([...kinds].sort()).toEqual(['alert', 'reminder', 'violation']);
  });
});
