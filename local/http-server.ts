/** The HTTP API on 127.0.0.1 through the same request handling as the Lambda, plus the simulated clock's admin route and the dashboard at `/`. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { unauthenticated, type ApiDeps, type ApiResponse } from '../shared/api/api-types.ts';
import { handleRequest } from '../shared/api/handle-request.ts';
import { holdsProvinces, type Caller } from '../shared/auth/caller.ts';
import { Instant } from '../shared/contract/primitives.ts';
import { instantMs } from '../shared/calendar/period.ts';
import { serveDashboard } from '../web/serve.ts';
import type { Authenticate } from './tokens.ts';

/** API Gateway's payload limit is 10 MB; events are small, so their batches are held to 1 MB. */
const LIMITS: Record<string, number> = { '/org': 10 * 1024 * 1024 };
const DEFAULT_LIMIT = 1024 * 1024;

/**
 * After a 413 the rest of the body is read and dropped, up to this many bytes
 * or this long, so that a client still sending (urllib, curl) reads the answer
 * instead of a reset; then the connection is closed.
 */
const DISCARD_BYTES = 64 * 1024 * 1024;
const DISCARD_MS = 30_000;

/** The body as text, or null as soon as it is known to exceed `limit` (its declared length, or the bytes read so far). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length']) > limit) return resolve(null);
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData).off('end', onEnd);
      resolve(null);
    };
    const onEnd = () => resolve(Buffer.concat(chunks).toString('utf8'));
    req.on('data', onData).on('end', onEnd).once('error', reject);
  });
}

/** 413 with the JSON error and `Connection: close`, written at once; the response ends when the body has been drained. */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse, limit: number): void {
  const text = JSON.stringify({ error: `the body is too large: at most ${limit} bytes for this route; send smaller batches` });
  res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), connection: 'close' });
  res.write(text);
  if (req.complete) return void res.end();
  let dropped = 0;
  const stop = () => req.socket.destroy();
  const timer = setTimeout(stop, DISCARD_MS).unref();
  req
    .on('data', (chunk: Buffer) => {
      if ((dropped += chunk.length) > DISCARD_BYTES) stop();
    })
    .once('end', () => {
      clearTimeout(timer);
      res.end();
    })
    .once('close', () => clearTimeout(timer))
    .resume();
}

export interface AdminHooks {
  /** Moves the simulated clock and runs every sweep that fell due; null on the real clock. */
  setClock: ((ms: number) => Promise<void>) | null;
}

export function apiServer(deps: ApiDeps, authenticate: Authenticate, admin: AdminHooks): Server {
  return createServer((req, res) => {
    const send = (r: ApiResponse) => {
      res.writeHead(r.status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(r.body));
    };
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      // The dashboard's files need no token: what they show comes from the API, which does.
      if (await serveDashboard(req, res, url.pathname)) return;
      const caller = authenticate(req.headers.authorization, req.socket.remoteAddress);
      let body: string | undefined;
      if (req.method === 'PUT' || req.method === 'POST') {
        const limit = LIMITS[url.pathname] ?? DEFAULT_LIMIT;
        const read = await readBody(req, limit);
        if (read === null) return refuseTooLarge(req, res, limit);
        body = read;
      }
      const tokenSent = req.headers.authorization !== undefined;
      if (url.pathname === '/admin/clock') return send(await setClock(body, caller, tokenSent, deps, admin));
      send(await handleRequest({ method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), body, caller, tokenSent }, deps));
    })().catch(() => send({ status: 500, body: { error: 'internal error' } }));
  });
}

async function setClock(body: string | undefined, caller: Caller | null, tokenSent: boolean, deps: ApiDeps, admin: AdminHooks): Promise<ApiResponse> {
  if (!caller) return unauthenticated(tokenSent);
  if (!caller.roles.has('admin')) return { status: 403, body: { error: 'moving the clock needs the admin role' } };
  // The clock is the whole runtime's: moving it runs every province's sweeps.
  if (!holdsProvinces(caller, await deps.orgStore.provinces())) return { status: 403, body: { error: 'moving the clock needs an admin whose scope holds every province' } };
  if (!admin.setClock) return { status: 409, body: { error: 'the clock is real; start with --clock simulated' } };
  let now: unknown;
  try {
    now = (JSON.parse(body ?? '') as { now?: unknown }).now;
  } catch {
    return { status: 400, body: { error: 'the body is not valid JSON' } };
  }
  const parsed = Instant.safeParse(now);
  if (!parsed.success) return { status: 400, body: { error: 'bad body', errors: [{ path: 'now', message: 'expected an ISO 8601 instant with an offset' }] } };
  await admin.setClock(instantMs(parsed.data));
  return { status: 200, body: { now: parsed.data } };
}
