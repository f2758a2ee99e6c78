/**
 * A finding about a meeting is named to people by the meeting's cell and the
 * date it was held ("Chi bộ tổ dân phố 2, buổi 08/01/2026"), not by its id:
 * in GET /findings (what the dashboard's inbox shows) and on the console.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewedFinding } from '../../shared/contract/decisions.ts';
import { startRuntime, type Runtime } from '../../local/runtime.ts';
import { exampleEvents, exampleOrgJson } from '../support/builders.ts';

let runtime: Runtime;
let consoleText = '';

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'chibo-names-'));
  const console = new PassThrough();
  console.on('data', (c: Buffer) => (consoleText += c.toString('utf8')));
  runtime = await startRuntime({ dataDir: null, stateDir: dir, port: 0, simulatedStart: null, tokensFile: join(dir, 'none.json'), console, env: { RULE_PACKS: 'yb-qd18', MONITOR_FROM: '2026-01' } });
  const send = (method: string, path: string, body: unknown) => fetch(`${runtime.url}${path}`, { method, body: JSON.stringify(body) });
  expect((await send('PUT', '/org', exampleOrgJson())).status).toBe(200);
  expect((await send('POST', '/events', exampleEvents())).status).toBe(202);
});
afterAll(async () => runtime.close());

describe('a meeting’s finding', () => {
  it('comes from GET /findings?include=meeting with the meeting’s unit and the instant it was held; without it, exactly DESIGN’s finding', async () => {
    const plain = (await (await fetch(`${runtime.url}/findings?unit=LC.NL.TDP2&kind=alert&period=2026-01`)).json()) as ReviewedFinding[];
    expect(plain.length).toBeGreaterThan(0);
    for (const f of plain) expect(f.meeting).toBeUndefined();
    const alerts = (await (await fetch(`${runtime.url}/findings?unit=LC.NL.TDP2&kind=alert&period=2026-01&include=meeting`)).json()) as ReviewedFinding[];
    const alert = alerts.find((f) => f.subject.type === 'meeting' && f.subject.id === 'TDP2-01');
    expect(alert?.meeting).toEqual({ unitId: 'LC.NL.TDP2', heldAt: '2026-01-08T19:30:00+07:00' });
    // Only a meeting's finding carries it.
    for (const f of alerts.filter((f) => f.subject.type !== 'meeting')) expect(f.meeting).toBeUndefined();
  });

  it('is named on the console by its cell and date, and the console names no member', () => {
    expect(consoleText).toContain('dieu-le/attendance-rate · Chi bộ tổ dân phố 2, buổi 08/01/2026 · 2026-01');
    for (const m of exampleOrgJson().members) expect(consoleText).not.toContain(m.name);
  });
});
