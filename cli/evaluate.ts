/**
 * `chibo evaluate`: the engine over files, everything in memory. Events
 * recorded after `--as-of` are not known at that instant and are skipped.
 * With several workers the same engine runs in worker threads, each on its
 * share of the cells (cli/evaluate-in-workers.ts); the output is the same.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { ALWAYS_ON_PACK, BUILT_IN_PACKS } from '../shared/rules/packs/index.ts';
import { evaluateInWorkers } from './evaluate-in-workers.ts';
import { checkOptions, evaluateInThisThread, type EvaluateArgs } from './evaluation-setup.ts';
import { formatTable } from './format-table.ts';
import { InputError } from './input-error.ts';
import { jsonLines, writeLines } from './write-lines.ts';

const MAX_WORKERS = 16;

export const EVALUATE_USAGE = `chibo evaluate --org FILE --events FILE [--packs a,b] [--as-of ISO] [--from YYYY-MM] [--format jsonl|table] [--workers N]

  --org      the org snapshot (JSON)
  --events   the events, one JSON object per line
  --packs    rule packs by name (${[...BUILT_IN_PACKS.keys()].join(', ')}) or a pack file ending in .json;
             ${ALWAYS_ON_PACK} is always on
  --as-of    the instant to evaluate at, with an offset (default: now)
  --from     the first month evaluated (default: the month of the earliest meeting)
  --format   jsonl (default): one finding per line; table: for people
  --workers  threads sharing the work: 1-${MAX_WORKERS}, or auto for one per core (default: 1);
             each holds the whole org, so memory grows with them (jsonl only)`;

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
        workers: { type: 'string', default: '1' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new InputError('arguments', null, null, `${(err as Error).message}\n${EVALUATE_USAGE}`);
  }
  if (!values.org || !values.events) throw new InputError('arguments', null, null, `--org and --events are required\n${EVALUATE_USAGE}`);
  if (values.format !== 'jsonl' && values.format !== 'table') throw new InputError('--format', null, null, `expected jsonl or table, not "${values.format}"`);
  const workers = parseWorkers(values.workers);
  const args: EvaluateArgs = { org: values.org, events: values.events, packs: values.packs, asOf: values['as-of'], from: values.from, now: Date.now() };

  if (workers > 1 && values.format === 'jsonl') {
    const { from } = await checkOptions(args);
    await writeLines(out, await evaluateInWorkers(args, from, workers));
    return;
  }
  const { findings, ledger, evaluation } = await evaluateInThisThread(args);
  if (values.format === 'table') out.write(formatTable(findings, evaluation.org, values['as-of'] ?? new Date(evaluation.asOf).toISOString(), (id) => ledger.meetings.get(id)));
  else await writeLines(out, jsonLines(findings));
}

function parseWorkers(value: string): number {
  const n = value === 'auto' ? Math.min(availableParallelism(), MAX_WORKERS) : Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKERS) throw new InputError('--workers', null, null, `expected a whole number from 1 to ${MAX_WORKERS} or "auto", not "${value}"`);
  return n;
}
