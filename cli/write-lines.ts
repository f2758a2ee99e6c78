import { once } from 'node:events';

const CHUNK_CHARS = 1 << 16;

/** Writes lines in chunks of about 64 KiB, waiting whenever the stream asks to, so a large output never sits in memory twice. */
export async function writeLines(out: NodeJS.WritableStream, lines: Iterable<string>): Promise<void> {
  let chunk = '';
  for (const line of lines) {
    chunk += `${line}\n`;
    if (chunk.length < CHUNK_CHARS) continue;
    if (!out.write(chunk)) await once(out, 'drain');
    chunk = '';
  }
  if (chunk !== '') out.write(chunk);
}

/** Each item as a JSON line, made as it is written, so the lines and the items are not all held at once. */
export function* jsonLines(items: Iterable<unknown>): Generator<string> {
  for (const item of items) yield JSON.stringify(item);
}
