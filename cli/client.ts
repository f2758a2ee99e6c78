/** The commands that talk to a running monitor (`chibo serve`, or the API on AWS) over its HTTP API. */
import { InputError } from './input-error.ts';

export interface Connection {
  url: string;
  token: string | undefined;
}

export const CONNECTION_OPTIONS = { url: { type: 'string' }, token: { type: 'string' } } as const;

export function connection(values: { url?: string | undefined; token?: string | undefined }): Connection {
  return { url: (values.url ?? process.env['CHIBO_URL'] ?? 'http://127.0.0.1:3000').replace(/\/+$/, ''), token: values.token ?? process.env['CHIBO_TOKEN'] };
}

const UPLOAD_CHUNK = 256 * 1024;

/** The body as a stream of chunks, telling `onSent` the bytes handed to the socket so far. */
function countedBody(bytes: Uint8Array, onSent: (sent: number, total: number) => void): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      const end = Math.min(bytes.length, offset + UPLOAD_CHUNK);
      controller.enqueue(bytes.subarray(offset, end));
      onSent((offset = end), bytes.length);
    },
  });
}

export async function request(
  c: Connection,
  method: string,
  path: string,
  body?: unknown,
  onSent?: (sent: number, total: number) => void,
): Promise<{ status: number; body: unknown }> {
  let res: Response;
  try {
    const bytes = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    res = await fetch(`${c.url}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(bytes ? { 'content-length': String(bytes.length) } : {}),
        ...(c.token ? { authorization: `Bearer ${c.token}` } : {}),
      },
      ...(bytes === undefined ? {} : onSent ? { body: countedBody(bytes, onSent), duplex: 'half' as const } : { body: bytes }),
    });
  } catch (err) {
    throw new InputError('--url', null, null, `cannot reach ${c.url} (${(err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message}); is \`npm start\` running?`);
  }
  return { status: res.status, body: await res.json().catch(() => null) };
}
