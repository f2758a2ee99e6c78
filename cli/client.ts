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

export async function request(c: Connection, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  let res: Response;
  try {
    res = await fetch(`${c.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(c.token ? { authorization: `Bearer ${c.token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (err) {
    throw new InputError('--url', null, null, `cannot reach ${c.url} (${(err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message}); is \`npm start\` running?`);
  }
  return { status: res.status, body: await res.json().catch(() => null) };
}
