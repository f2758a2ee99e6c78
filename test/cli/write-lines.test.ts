import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeLines } from '../../cli/write-lines.ts';

describe('writeLines', () => {
  it('writes every line once, in order, in bounded chunks, waiting for drain', async () => {
    // A small buffer that nobody reads until later forces the writer to wait on 'drain'.
    const out = new PassThrough({ highWaterMark: 1024 });
    const chunks: string[] = [];
    const lines = Array.from({ length: 20_000 }, (_, i) => `{"n":${i}}`);
    const done = writeLines(out, lines);
    await new Promise((r) => setTimeout(r, 10));
    out.on('data', (c: Buffer) => chunks.push(c.toString()));
    await done;
    out.end();
    await new Promise((r) => out.on('end', r));
    expect(chunks.join('')).toBe(lines.map((l) => `${l}\n`).join(''));
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(70_000);
  });
});
