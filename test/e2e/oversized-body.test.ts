/**
 * A body over the limit, sent whole before the client reads (as urllib and
 * curl do): the client reads 413 with the JSON error and Connection: close,
 * never a reset or a broken pipe.
 */
import { mkdtemp } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRuntime, type Runtime } from '../../local/runtime.ts';

let runtime: Runtime;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'chibo-413-'));
  runtime = await startRuntime({ dataDir: join(dir, 'data'), stateDir: dir, port: 0, simulatedStart: null, tokensFile: join(dir, 'no-tokens.json'), console: null, env: {} });
});
afterAll(async () => runtime.close());

/** 100,000 attendance rows: about 4 MB. */
const bigBody = JSON.stringify({
  type: 'MeetingRecorded', eventId: 'e-big', meetingId: 'mt-big', version: 1, unitId: 'LC.NL.TDP5', kind: 'regular',
  heldAt: '2026-02-05T19:30:00+07:00', recordedAt: '2026-02-05T22:00:00+07:00',
  attendance: Array.from({ length: 100_000 }, (_, i) => ({ memberId: `A-${i}`, status: 'present' })),
});

/** Writes the request and the whole body, then reads the answer to the end; a reset or broken pipe rejects. */
function sendWholeThenRead(port: number, headers: string, body: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (c: Buffer) => received.push(c));
    socket.once('error', reject);
    socket.once('end', () => resolve(Buffer.concat(received).toString('utf8')));
    socket.write(headers);
    socket.write(body);
  });
}

describe('an oversized body', () => {
  const port = () => Number(new URL(runtime.url).port);
  const body = Buffer.from(bigBody);

  it('is 4 MB, over the 1 MB limit of POST /events', () => {
    expect(body.length).toBeGreaterThan(4_000_000);
  });

  it('with its length declared: 413 with the JSON error and Connection: close, read by the client ten times out of ten', async () => {
    for (let i = 0; i < 10; i++) {
      const answer = await sendWholeThenRead(port(), `POST /events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`, body);
      const [head, text] = answer.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 413 /);
      expect(head!.toLowerCase()).toContain('connection: close');
      expect(JSON.parse(text!)).toEqual({ error: 'the body is too large: at most 1048576 bytes for this route; send smaller batches' });
    }
  });

  it('sent chunked, with no length: the same answer once the limit is passed', async () => {
    const chunked = Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]);
    const answer = await sendWholeThenRead(port(), 'POST /events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n', chunked);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain('"error":"the body is too large');
  });

  it('leaves the server serving the next request', async () => {
    expect((await fetch(`${runtime.url}/health`)).status).toBe(200);
  });
});
