/**
 * The in-process queue's journal: what SQS is to the Lambdas. A message is
 * appended and fsynced before the request that brought it is answered, and a
 * line marks it settled (processed or dead-lettered) afterwards; on start-up,
 * what was appended and never settled is delivered again. A settle mark lost
 * in a crash costs one more delivery, which the handlers tolerate.
 */
import { randomUUID } from 'node:crypto';
import { open, readFile, rename, writeFile, type FileHandle } from 'node:fs/promises';

export interface JournalEntry {
  id: string;
  body: string;
}

type Line = { id: string; body: string } | { settled: string };

export class QueueJournal {
  private chain: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: FileHandle,
    /** Messages appended by an earlier run and never settled, oldest first. */
    readonly unsettled: readonly JournalEntry[],
  ) {}

  /** Opens the journal, keeping only what is unsettled (the file is rewritten to that, so it does not grow across runs). */
  static async open(path: string): Promise<QueueJournal> {
    const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? '' : Promise.reject(err)));
    const pending = new Map<string, JournalEntry>();
    for (const raw of text.split('\n')) {
      let line: Line;
      try {
        line = JSON.parse(raw) as Line;
      } catch {
        continue; // the torn last line of a crash: its request was never answered, so its client resends it
      }
      if ('settled' in line) pending.delete(line.settled);
      else pending.set(line.id, { id: line.id, body: line.body });
    }
    const unsettled = [...pending.values()];
    const compacted = `${path}.tmp`;
    await writeFile(compacted, unsettled.map((e) => `${JSON.stringify(e)}\n`).join(''), { flush: true });
    await rename(compacted, path);
    return new QueueJournal(await open(path, 'a'), unsettled);
  }

  /** Appends the messages and waits until they are on disk. */
  async append(bodies: readonly string[]): Promise<JournalEntry[]> {
    const entries = bodies.map((body) => ({ id: randomUUID(), body }));
    await this.write(entries.map((e) => `${JSON.stringify(e)}\n`).join(''), true);
    return entries;
  }

  /** Marks a message done with; not fsynced (see the header). */
  async settle(id: string): Promise<void> {
    await this.write(`${JSON.stringify({ settled: id })}\n`, false);
  }

  async close(): Promise<void> {
    await this.chain.catch(() => undefined);
    await this.file.close();
  }

  /** One write at a time, so lines never interleave. */
  private write(text: string, sync: boolean): Promise<void> {
    const next = this.chain.then(async () => {
      await this.file.appendFile(text);
      if (sync) await this.file.datasync();
    });
    this.chain = next.catch(() => undefined);
    return next;
  }
}
