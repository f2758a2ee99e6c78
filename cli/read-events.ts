/** Events as JSON Lines, streamed: one event in memory at a time, each error located at its line. */
import { createReadStream } from 'node:fs';
import type { MeetingEvent } from '../shared/contract/events.ts';
import type { MeetingEventSchema } from '../shared/quality/checked-event.ts';
import { compileFastParse, UNSURE } from '../shared/contract/fast-parse.ts';
import { fromZod } from '../shared/contract/issues.ts';
import { parseJsonText } from '../shared/contract/json-text.ts';
import { checkEventReferences } from '../shared/org/check-event.ts';
import type { OrgIndex } from '../shared/org/org-index.ts';
import { InputError } from './input-error.ts';

export interface NumberedEvent {
  line: number;
  event: MeetingEvent;
}

export interface ReadEventsOptions {
  /** Only lines this says yes to are parsed and checked (a worker's share, cli/evaluate-worker.ts); default: all. */
  select?: (text: string, line: number) => boolean;
}

/** Events checked by `schema`: the contract with the score sheets the caller knows (meetingEventWith). */
export async function* readEvents(file: string, org: OrgIndex, schema: MeetingEventSchema, options: ReadEventsOptions = {}): AsyncGenerator<NumberedEvent> {
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (err: NodeJS.ErrnoException) => reject(new InputError(file, null, null, `cannot read the file (${err.code ?? err.message})`)));
  });
  await opened;
  // zod runs only on a line the compiled fast path is not sure of, so each error is worded as zod words it.
  const fast = compileFastParse(schema, { owned: true });
  let line = 0;
  for await (const text of linesOf(stream)) {
    line++;
    if (text.trim() === '' || (options.select && !options.select(text, line))) continue;
    const read = parseJsonText(text);
    if (!read.ok) throw InputError.fromJsonIssue(file, line, read.issue);
    const json = read.json;
    let event = fast(json);
    if (event === UNSURE) {
      const parsed = schema.safeParse(json);
      if (!parsed.success) throw InputError.fromIssue(file, line, fromZod(parsed.error, json)[0]!);
      event = parsed.data;
    }
    const reference = checkEventReferences(event, org.references())[0];
    if (reference) throw InputError.fromIssue(file, line, reference);
    yield { line, event };
  }
}

/** Lines of a text stream, `\n` or `\r\n`; a plain split of each chunk is several times faster than node:readline. */
async function* linesOf(stream: AsyncIterable<string>): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of stream) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop()!;
    for (const l of lines) yield l.endsWith('\r') ? l.slice(0, -1) : l;
  }
  if (rest !== '') yield rest.endsWith('\r') ? rest.slice(0, -1) : rest;
}
