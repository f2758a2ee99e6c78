/**
 * What one `chibo evaluate` run stands on, read and checked in the order its
 * errors are reported: the instant, the first month, the packs, the org and
 * the packs it binds. A worker thread builds the same from the same options.
 */
import { instantMs, periodBounds } from '../shared/calendar/period.ts';
import { parseWith } from '../shared/contract/issues.ts';
import { Instant } from '../shared/contract/primitives.ts';
import type { Finding } from '../shared/contract/findings.ts';
import { Engine } from '../shared/engine/engine.ts';
import { Ledger } from '../shared/ledger/ledger.ts';
import type { OrgIndex } from '../shared/org/org-index.ts';
import { meetingEventWith, type MeetingEventSchema } from '../shared/quality/checked-event.ts';
import { knownSheets } from '../shared/quality/known-sheets.ts';
import { ALWAYS_ON_PACK, BUILT_IN_PACKS } from '../shared/rules/packs/index.ts';
import { RulePack } from '../shared/rules/rule-pack.ts';
import { InputError } from './input-error.ts';
import { readEvents } from './read-events.ts';
import { readJsonFile } from './read-json-file.ts';
import { readOrgFile } from './read-org-file.ts';

export interface EvaluateArgs {
  org: string;
  events: string;
  packs?: string | undefined;
  asOf?: string | undefined;
  from?: string | undefined;
  /** The instant evaluated at without --as-of: taken once by the main thread, so every worker agrees. */
  now?: number | undefined;
}

export interface Evaluation {
  asOf: number;
  /** The first month evaluated, when --from gives it; else the engine's default. */
  from: number | undefined;
  org: OrgIndex;
  engine: Engine;
  /** The event contract with the score sheets the packs define. */
  schema: MeetingEventSchema;
}

/** The instant, the first month and the packs: what can be checked before the org is read. */
export async function checkOptions(args: EvaluateArgs): Promise<{ asOf: number; from: number | undefined; packs: RulePack[] }> {
  return { asOf: parseAsOf(args.asOf, args.now ?? Date.now()), from: parseFrom(args.from), packs: await loadPacks(args.packs) };
}

export async function prepareEvaluation(args: EvaluateArgs): Promise<Evaluation> {
  const { asOf, from, packs } = await checkOptions(args);
  const org = await readOrgFile(args.org);

  // Packs the org binds to parts of its tree govern only there; --packs and dieu-le govern everywhere.
  const bindings = org.packs;
  const everywhere = new Set(packs.map((p) => p.id));
  for (const [i, binding] of bindings.entries()) {
    if (packs.some((p) => p.id === binding.pack)) continue;
    const pack = BUILT_IN_PACKS.get(binding.pack);
    if (!pack) throw new InputError(args.org, null, `packs[${i}].pack`, `unknown pack "${binding.pack}"; known: ${[...BUILT_IN_PACKS.keys()].join(', ')}`);
    packs.push(pack);
  }
  const known = knownSheets(packs);
  if ('conflict' in known) {
    const { sheetId, packs: [a, b] } = known.conflict;
    throw new InputError('--packs', null, null, `packs ${a} and ${b} define score sheet "${sheetId}" differently; give one of them`);
  }
  const engine = new Engine(org, packs, bindings.length > 0 ? { everywhere } : {});
  return { asOf, from, org, engine, schema: meetingEventWith(known.sheets) };
}

/** The whole run in this thread: every event known at the instant into one ledger, and its findings in the CLI's order. */
export async function evaluateInThisThread(args: EvaluateArgs): Promise<{ findings: Finding[]; ledger: Ledger; evaluation: Evaluation }> {
  const evaluation = await prepareEvaluation(args);
  const { asOf, from, org, engine, schema } = evaluation;
  const ledger = new Ledger();
  for await (const { event } of readEvents(args.events, org, schema)) {
    if (instantMs(event.recordedAt) <= asOf) engine.apply(ledger, event);
  }
  return { findings: engine.findingsAt(ledger, asOf, from === undefined ? {} : { from }), ledger, evaluation };
}

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

function parseAsOf(value: string | undefined, now: number): number {
  if (value === undefined) return now;
  if (!Instant.safeParse(value).success) throw new InputError('--as-of', null, null, `"${value}" is not an ISO 8601 instant with an offset, e.g. 2026-04-04T00:00:00+07:00`);
  return instantMs(value);
}

function parseFrom(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) throw new InputError('--from', null, null, `"${value}" is not a month YYYY-MM`);
  return periodBounds(value).start;
}
