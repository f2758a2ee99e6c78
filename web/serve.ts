/** The dashboard's files for the embedded server: built on the first request for one, then kept in memory. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { buildDashboard, type Asset } from './build.ts';
import { CSP } from './csp.ts';


let built: Promise<Map<string, Asset>> | null = null;

/** True when the request was for a dashboard file (and it was answered). */
export async function serveDashboard(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = pathname === '/' ? '/index.html' : pathname;
  if (!/^\/(index\.html|app\.css|app\.js|chunk-[A-Z0-9]+\.js)$/.test(path)) return false;
  built ??= buildDashboard();
  const asset = (await built).get(path);
  if (!asset) return false;
  res.writeHead(200, {
    'content-type': asset.contentType,
    'content-length': asset.body.length,
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    // The bundle is rebuilt at every start: the browser must ask again.
    'cache-control': 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : asset.body);
  return true;
}
