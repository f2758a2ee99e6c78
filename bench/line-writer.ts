/**
 * Lines to a file through a write stream, in ~1 MB chunks, waiting for
 * 'drain' when the stream asks: memory stays flat however much is written.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

const CHUNK_CHARS = 1 << 20;

export class LineWriter {
  private readonly stream: WriteStream;
  private chunk: string[] = [];
  private chars = 0;
  lines = 0;

  constructor(file: string) {
    this.stream = createWriteStream(file, { encoding: 'utf8' });
  }

  async line(text: string): Promise<void> {
    this.chunk.push(text);
    this.chars += text.length + 1;
    this.lines++;
    if (this.chars >= CHUNK_CHARS) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.chunk.length === 0) return;
    const ok = this.stream.write(`${this.chunk.join('\n')}\n`);
    this.chunk = [];
    this.chars = 0;
    if (!ok) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
  }
}
