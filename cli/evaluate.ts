/**
 * `chibo evaluate`: the engine over files, everything in memory. Events
 * recorded after `--as-of` are not known at that instant and are skipped.
 */
import { parseArgs } from 'node:util';
import { instantMs, periodBounds } from '../shared/calendar/period.ts';
import { parseWith } from '../shared/contract/issues.ts';
import { Instant } from '../shared/contract/primitives.ts';
import { Engine } from '../shared/engine/engine.ts';
import { Ledger } from '../shared/ledger/ledger.ts';
import { parseOwnedOrg } from '../shared/org/parse-org.ts';
import { ALWAYS_ON_PACK, BUILT_IN_PACKS } from '../shared/rules/packs/index.ts';
import { RulePack } from '../shared/rules/rule-pack.ts';
import { formatTable } from './format-table.ts';
import { InputError } from './input-error.ts';
import { readEvents } from './read-events.ts';
import { meetingEventWith } from '../shared/quality/checked-event.ts';
import { knownSheets } from '../shared/quality/known-sheets.ts';
import { readJsonFile } from './read-json-file.ts';
import { writeLines } from './write-lines.ts';

export const EVALUATE_USAGE = `chibo evaluate --org FILE --events FILE [--packs a,b] [--as-of ISO] [--from YYYY-MM] [--format jsonl|table]

  --org      the org snapshot (JSON)
  --events   the events, one JSON object per line
  --packs    rule packs by name (${[...BUILT_IN_PACKS.keys()].join(', ')}) or a pack file ending in .json;
             ${ALWAYS_ON_PACK} is always on
  --as-of    the instant to evaluate at, with an offset (default: now)
  --from     the first month evaluated (default: the month of the earliest meeting)
  --format   jsonl (default): one finding per line; table: for people`;

async function loadPacks(list: string | undefined): Promise<RulePack[]> {
  const names = [ALWAYS_ON_PACK, ...(list ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '')];
  const packs: RulePack[] = [];
  for (const name of new Set(names)) {
    if (name.endsWith('.json')) {
      packs.push(await readJsonFile(name, (json) => parseWith(RulePack, json)));
      continue;
    }
    const pack = BUILT_IN_PACKS.get(name);
    if (!pack) throw new InputError('--packs', null, null, `unknown pack "${name}"; known: ${[...BUILT_IN_PACKS.keys()].join(', ')}`);
    packs.push(pack);
  }
  return packs;
}

function parseAsOf(value: string | undefined): number {
  if (value === undefined) return Date.now();
  if (!Instant.safeParse(value).success) throw new InputError('--as-of', null, null, `"${value}" is not an ISO 8601 instant with an offset, e.g. 2026-04-04T00:00:00+07:00`);
  return instantMs(value);
}

function parseFrom(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) throw new InputError('--from', null, null, `"${value}" is not a month YYYY-MM`);
  return periodBounds(value).start;
}

export async function evaluateCommand(argv: string[], out: NodeJS.WritableStream): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        org: { type: 'string' },
        events: { type: 'string' },
        packs: { type: 'string' },
        'as-of': { type: 'string' },
        from: { type: 'string' },
        format: { type: 'string', default: 'jsonl' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new InputError('arguments', null, null, `${(err as Error).message}\n${EVALUATE_USAGE}`);
  }
  if (!values.org || !values.events) throw new InputError('arguments', null, null, `--org and --events are required\n${EVALUATE_USAGE}`);
  if (values.format !== 'jsonl' && values.format !== 'table') throw new InputError('--format', null, null, `expected jsonl or table, not "${values.format}"`);
  const asOf = parseAsOf(values['as-of']);
  const from = parseFrom(values.from);
  const packs = await loadPacks(values.packs);
  const org = await readJsonFile(values.org, parseOwnedOrg);

  // Packs the org binds to parts of its tree govern only there; --packs and dieu-le govern everywhere.
  const bindings = org.snapshot.packs ?? [];
  const everywhere = new Set(packs.map((p) => p.id));
  for (const [i, binding] of bindings.entries()) {
    if (packs.some((p) => p.id === binding.pack)) continue;
    const pack = BUILT_IN_PACKS.get(binding.pack);
    if (!pack) throw new InputError(values.org, null, `packs[${i}].pack`, `unknown pack "${binding.pack}"; known: ${[...BUILT_IN_PACKS.keys()].join(', ')}`);
    packs.push(pack);
  }
  const known = knownSheets(packs);
  if ('conflict' in known) {
    const { sheetId, packs: [a, b] } = known.conflict;
    throw new InputError('--packs', null, null, `packs ${a} and ${b} define score sheet "${sheetId}" differently; give one of them`);
  }
  const engine = new Engine(org, packs, bindings.length > 0 ? { everywhere } : {});
  const ledger = new Ledger();
  for await (const { event } of readEvents(values.events, org, meetingEventWith(known.sheets))) {
    if (instantMs(event.recordedAt) <= asOf) engine.apply(ledger, event);
  }
  const findings = engine.findingsAt(ledger, asOf, from === undefined ? {} : { from });

  if (values.format === 'table') out.write(formatTable(findings, org, values['as-of'] ?? new Date(asOf).toISOString(), (id) => ledger.meetings.get(id)));
  else await writeLines(out, findings.map((f) => JSON.stringify(f)));
}
