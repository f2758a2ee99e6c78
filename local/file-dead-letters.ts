import { appendFile } from 'node:fs/promises';
import type { DeadLetters } from '../shared/ports/dead-letters.ts';

/** Dead letters on one machine: a JSON Lines file, each message with its reason and when. */
export class FileDeadLetters implements DeadLetters {
  constructor(private readonly file: string) {}

  async send(body: string, reason: string): Promise<void> {
    await appendFile(this.file, `${JSON.stringify({ at: new Date().toISOString(), reason, body })}\n`);
  }
}
