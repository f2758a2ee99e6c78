/** The HTTP API on 127.0.0.1 through the same request handling as the Lambda, plus the simulated clock's admin route and the dashboard at `/`. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
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

class TooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new TooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
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
      if (req.method === 'PUT' || req.method === 'POST') body = await readBody(req, LIMITS[url.pathname] ?? DEFAULT_LIMIT);
      const tokenSent = req.headers.authorization !== undefined;
      if (url.pathname === '/admin/clock') return send(await setClock(body, caller, tokenSent, deps, admin));
      send(await handleRequest({ method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), body, caller, tokenSent }, deps));
    })().catch((err: unknown) => {
      // The rest of an oversized body is never read: the socket cannot serve another request.
      if (err instanceof TooLarge) res.setHeader('connection', 'close');
      send(err instanceof TooLarge ? { status: 413, body: { error: 'the body is too large' } } : { status: 500, body: { error: 'internal error' } });
    });
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
