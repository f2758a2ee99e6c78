/** Events as JSON Lines, streamed: one event in memory at a time, each error located at its line. */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { MeetingEvent } from '../shared/contract/events.ts';
import { fromZod } from '../shared/contract/issues.ts';
import { checkEventReferences } from '../shared/org/check-event.ts';
import type { OrgIndex } from '../shared/org/org-index.ts';
import { InputError } from './input-error.ts';

export interface NumberedEvent {
  line: number;
  event: MeetingEvent;
}

export async function* readEvents(file: string, org: OrgIndex): AsyncGenerator<NumberedEvent> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (err: NodeJS.ErrnoException) => reject(new InputError(file, null, null, `cannot read the file (${err.code ?? err.message})`)));
  });
  await opened;
  let line = 0;
  for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
    line++;
    if (text.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new InputError(file, line, null, `invalid JSON (${(err as Error).message})`);
    }
    const parsed = MeetingEvent.safeParse(json);
    if (!parsed.success) throw InputError.fromIssue(file, line, fromZod(parsed.error, json)[0]!);
    const reference = checkEventReferences(parsed.data, org)[0];
    if (reference) throw InputError.fromIssue(file, line, reference);
    yield { line, event: parsed.data };
  }
}
