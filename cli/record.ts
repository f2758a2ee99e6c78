/** `chibo record FILE`: post meeting events (JSON, or JSON Lines) to a running monitor, 500 to a request. */
import { parseOptions } from './parse-options.ts';
import { readText } from './read-json-file.ts';
import { CONNECTION_OPTIONS, connection, request } from './client.ts';
import { cliPath, InputError } from './input-error.ts';
import { parseJsonText } from '../shared/contract/json-text.ts';

export const RECORD_USAGE = `chibo record FILE [--url URL] [--token T]     events as JSON (one or an array) or JSON Lines, to POST /events`;
const BATCH = 500;

function parsed(file: string, text: string, line: number | null): unknown {
  const read = parseJsonText(text);
  if (read.ok) return read.json;
  throw InputError.fromJsonIssue(file, line, read.issue);
}

export async function recordCommand(argv: string[], out: NodeJS.WritableStream): Promise<void> {
  const { values, positionals } = parseOptions(argv, CONNECTION_OPTIONS, RECORD_USAGE);
  const file = positionals[0];
  if (!file) throw new InputError('arguments', null, null, RECORD_USAGE);
  // A leading byte order mark: trimStart skips it here, parseJsonText when it parses.
  const text = await readText(file);
  // Each event with the line it came from, so an error names the line.
  let events: Array<{ line: number; json: unknown }>;
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[') || (trimmed.startsWith('{') && !trimmed.includes('\n{'))) {
    const json = parsed(file, text, null);
    events = (Array.isArray(json) ? json : [json]).map((j) => ({ line: 1, json: j }));
  } else {
    events = [];
    text.split('\n').forEach((l, i) => {
      if (l.trim() === '') return;
      events.push({ line: i + 1, json: parsed(file, l, i + 1) });
    });
  }
  const c = connection(values);
  let accepted = 0;
  let duplicates = 0;
  for (let i = 0; i < events.length; i += BATCH) {
    const batch = events.slice(i, i + BATCH);
    const res = await request(c, 'POST', '/events', batch.map((e) => e.json));
    const first = (res.body as { errors?: Array<{ index?: number; path: string; message: string }> } | null)?.errors?.[0];
    if ((res.status === 400 || res.status === 403 || res.status === 413) && first) {
      throw new InputError(file, first.index === undefined ? null : (batch[first.index]?.line ?? null), cliPath(first.path), first.message);
    }
    if (res.status === 413) throw new InputError(file, batch[0]!.line, null, `the events from this line on are more than the monitor takes in one request (${JSON.stringify(res.body)}); split the file`);
    if (res.status !== 202) throw new InputError(file, null, null, `the monitor answered ${res.status}: ${JSON.stringify(res.body)}`);
    const body = res.body as { accepted: number; duplicates: number };
    accepted += body.accepted;
    duplicates += body.duplicates;
  }
  out.write(`Đã nhận ${accepted} sự kiện, ${duplicates} trùng lặp. / Accepted ${accepted}, duplicates ${duplicates}.\n`);
}
