/**
 * `chibo evaluate --workers N`: the one engine in N shares of the run
 * (cli/evaluation-share.ts, shared/engine/partition.ts), each in a worker
 * thread. This side only passes messages: it sends each share the entries
 * the others hand it and the first month evaluated (the earliest meeting of
 * all), and merges the findings in the CLI's order. A line that fooled the
 * routing, or an event id applied in two shares, would make the split differ
 * from one thread, so the run is then redone in this thread.
 */
import { Worker } from 'node:worker_threads';
import { monthStartOf } from '../shared/engine/engine.ts';
import type { Parcel, Partition } from '../shared/engine/partition.ts';
import type { AppliedShare, ShareFindings } from './evaluation-share.ts';
import { evaluateInThisThread, type EvaluateArgs } from './evaluation-setup.ts';
import { InputError } from './input-error.ts';

export interface WorkerInput {
  args: EvaluateArgs;
  partition: Partition;
}

type InputErrorMessage = { type: 'input-error'; file: string; line: number | null; field: string | null; message: string };
export type ToMain = ({ type: 'applied' } & AppliedShare) | ({ type: 'findings' } & ShareFindings) | InputErrorMessage;
export type FromMain = { type: 'evaluate'; from: number; incoming: Parcel[] };

/** One share as this side sees it: the messages it sends, one at a time, and the one it is sent. */
export interface ShareHandle {
  next(): Promise<ToMain>;
  send(message: FromMain): void;
  close(): Promise<void>;
}

/** The findings as JSON lines, in the CLI's order; `from` is --from's month when given. */
export async function evaluateInWorkers(args: EvaluateArgs, from: number | undefined, count: number): Promise<string[]> {
  return evaluateInShares(args, from, Array.from({ length: count }, (_, index) => workerShare({ args, partition: { index, count } })));
}

export async function evaluateInShares(args: EvaluateArgs, from: number | undefined, shares: readonly ShareHandle[]): Promise<string[]> {
  try {
    const applied = await Promise.all(shares.map((s) => s.next()));
    const failed = applied.filter((m): m is InputErrorMessage => m.type === 'input-error');
    // Each share stops at its first bad line: the earliest of those is the first bad line of the file.
    if (failed.length > 0) throw revive(failed.reduce((a, b) => ((b.line ?? 0) < (a.line ?? 0) ? b : a)));
    const reports = applied as Array<Extract<ToMain, { type: 'applied' }>>;
    if (!reports.every((r) => r.exact) || !disjoint(reports.map((r) => r.eventIds))) {
      const { findings } = await evaluateInThisThread(args);
      return findings.map((f) => JSON.stringify(f));
    }
    const firstMonth = from ?? monthStartOf(Math.min(...reports.map((r) => r.earliest)));
    const answers = shares.map((s) => s.next());
    shares.forEach((s, i) => s.send({ type: 'evaluate', from: firstMonth, incoming: reports.map((r) => r.outgoing[i]!) }));
    return merge((await Promise.all(answers)) as ShareFindings[]);
  } finally {
    await Promise.all(shares.map((s) => s.close()));
  }
}

function workerShare(input: WorkerInput): ShareHandle {
  const worker = new Worker(new URL('./evaluate-worker.js', import.meta.url), { workerData: input });
  return {
    next: () =>
      new Promise((resolve, reject) => {
        const onExit = (code: number): void => reject(new Error(`an evaluate worker stopped (exit code ${code})`));
        worker.once('error', reject);
        worker.once('exit', onExit);
        worker.once('message', (message: ToMain) => {
          worker.off('error', reject);
          worker.off('exit', onExit);
          resolve(message);
        });
      }),
    send: (message) => worker.postMessage(message),
    close: async () => void (await worker.terminate()),
  };
}

/** A share's bad input as a message (an InputError does not cross threads whole); any other error is rethrown. */
export function inputErrorMessage(err: unknown): InputErrorMessage {
  if (!(err instanceof InputError)) throw err;
  return { type: 'input-error', file: err.file, line: err.line, field: err.field, message: err.message };
}

function revive(m: InputErrorMessage): InputError {
  return Object.assign(new InputError(m.file, m.line, m.field, ''), { message: m.message });
}

/** Whether no event id was applied by two shares. */
function disjoint(lists: readonly string[][]): boolean {
  const all = new Set<string>();
  let total = 0;
  for (const ids of lists) {
    total += ids.length;
    for (const id of ids) all.add(id);
  }
  return all.size === total;
}

/** Each share's findings are in order; a tie goes to the lower share, as one thread's stable sort would keep it. */
function merge(results: readonly ShareFindings[]): string[] {
  const out: string[] = [];
  const at = results.map(() => 0);
  for (;;) {
    let best = -1;
    for (let s = 0; s < results.length; s++) {
      if (at[s]! >= results[s]!.keys.length) continue;
      if (best === -1 || results[s]!.keys[at[s]!]! < results[best]!.keys[at[best]!]!) best = s;
    }
    if (best === -1) return out;
    out.push(results[best]!.lines[at[best]!++]!);
  }
}
