/**
 * The embedded default end to end through its HTTP API: the example org and
 * events in, the simulated clock moved to 4 April 2026 06:00, and the
 * findings and the outbox equal `chibo evaluate`; a restart on the same data
 * dir loses nothing and sends nothing twice.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantMs } from '../../shared/calendar/period.ts';
import { Engine } from '../../shared/engine/engine.ts';
import { Ledger } from '../../shared/ledger/ledger.ts';
import { startRuntime, type Runtime } from '../../local/runtime.ts';
import { tokensBanner } from '../../cli/serve.ts';
import { buildOrg, exampleEvents, exampleOrgJson, packs } from '../support/builders.ts';

const AS_OF = '2026-04-04T06:00:00+07:00';
const ENV = { RULE_PACKS: 'yb-qd18', MONITOR_FROM: '2026-01' };
let dir: string;
let runtime: Runtime;

const start = (d: string) =>
  startRuntime({ dataDir: join(d, 'data'), stateDir: d, port: 0, simulatedStart: instantMs('2026-01-01T00:00:00+07:00'), tokensFile: join(d, 'no-tokens.json'), console: null, env: ENV });
const http = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${runtime.url}${path}`, { method, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
  return { status: res.status, body: (await res.json()) as unknown };
};
const outbox = async () => (await readFile(runtime.outboxFile, 'utf8').catch(() => '')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { attributes: Record<string, string> });

function cli() {
  const org = buildOrg(exampleOrgJson() as never);
  const engine = new Engine(org, packs('yb-qd18'));
  const ledger = new Ledger();
  for (const e of exampleEvents()) engine.apply(ledger, e);
  return engine.findingsAt(ledger, instantMs(AS_OF), { from: instantMs('2026-01-01T00:00:00+07:00') });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chibo-e2e-'));
  runtime = await start(dir);
});
afterAll(async () => runtime.close());

describe('the embedded default', () => {
  it('serves the API on 127.0.0.1; the example through HTTP gives the findings of chibo evaluate', async () => {
    expect(await http('GET', '/health')).toEqual({ status: 200, body: { status: 'ok' } });
    expect((await http('PUT', '/org', exampleOrgJson())).status).toBe(200);
    expect(await http('POST', '/events', exampleEvents())).toEqual({ status: 202, body: { accepted: 9, duplicates: 0 } });
    expect(await http('POST', '/admin/clock', { now: AS_OF })).toEqual({ status: 200, body: { now: AS_OF } });
    const findings = await http('GET', '/findings');
    expect(findings.body).toEqual(cli());
  });

  it('each notification appears once in the outbox, with the SNS attributes', async () => {
    const sent = await outbox();
    expect(sent.length).toBeGreaterThan(0);
    const keys = sent.map((n) => JSON.stringify(n.attributes));
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.keys(sent[0]!.attributes).sort()).toEqual(['kind', 'period', 'provinceId', 'recipientId', 'ruleId', 'unitId']);
  });

  it('bad requests: malformed JSON, a bad field, an oversized body; the store unchanged', async () => {
    expect((await http('POST', '/events', '{"type":')).status).toBe(400);
    const bad = await http('POST', '/events', { ...exampleEvents()[0], eventId: 'x-1', kind: 'party' });
    expect(bad).toEqual({ status: 400, body: { errors: [{ index: 0, path: 'kind', message: expect.any(String) }] } });
    expect((await http('POST', '/events', 'x'.repeat(1024 * 1024 + 1))).status).toBe(413);
    expect((await http('GET', '/findings')).body).toEqual(cli());
  });

  it('a restart on the same data dir loses nothing and sends nothing twice', async () => {
    const before = (await outbox()).length;
    await runtime.close();
    runtime = await start(dir);
    expect((await http('GET', '/findings')).body).toEqual(cli());
    await http('POST', '/events', exampleEvents());
    await http('POST', '/admin/clock', { now: AS_OF });
    expect((await outbox()).length).toBe(before);
  });
});

describe('the demo', () => {
  it('seeds a ward of two communes and replays a quarter: reminders and violations appear', async () => {
    const { seedDemo } = await import('../../local/demo.ts');
    const d = await mkdtemp(join(tmpdir(), 'chibo-demo-'));
    const demo = await startRuntime({ dataDir: null, stateDir: d, port: 0, simulatedStart: null, tokensFile: join(d, 'none.json'), console: null, env: {} });
    try {
      const seeded = await seedDemo(demo, () => {});
      expect(seeded.units).toBeGreaterThan(20);
      expect((await demo.orgStore.meta())?.provinces).toHaveLength(1);
      const units = await demo.orgStore.provinceOrg('SH');
      expect([...units.units.values()].filter((u) => u.kind === 'grassroots')).toHaveLength(2);
      const sent = (await readFile(demo.outboxFile, 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { attributes: { kind: string } });
      const kinds = new Set(sent.map((n) => n.attributes.kind));
      expect(kinds.has('reminder') && kinds.has('violation')).toBe(true);
    } finally {
      await demo.close();
    }
  }, 60_000);
});

describe('the embedded default with a tokens file', () => {
  it('a unit outside the token’s scope is 403 naming the unit, and nothing is stored', async () => {
    const d = await mkdtemp(join(tmpdir(), 'chibo-e2e-tokens-'));
    const tokensFile = join(d, 'chibo.tokens.json');
    await writeFile(tokensFile, JSON.stringify({ tokens: { 'admin-token-0123456789': { units: ['LC'], roles: ['admin'] }, 'tdp5-token-0123456789': { units: ['LC.NL.TDP5'], roles: ['recorder'] } } }));
    const scoped = await startRuntime({ dataDir: null, stateDir: d, port: 0, simulatedStart: instantMs('2026-01-01T00:00:00+07:00'), tokensFile, console: null, env: ENV });
    const as = async (token: string | null, method: string, path: string, body?: unknown) => {
      const res = await fetch(`${scoped.url}${path}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {}, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    try {
      // The start-up banner says which tokens file was read and how many tokens it holds.
      expect(tokensBanner(scoped.tokens)).toBe(`Đã đọc ${tokensFile}: 2 token; mỗi yêu cầu cần một token. / Read ${tokensFile}: 2 tokens; every request needs one.`);
      expect(tokensBanner(runtime.tokens)).toContain('No tokens file');
      expect(await as(null, 'GET', '/findings')).toEqual({ status: 401, body: { error: 'a bearer token is required' } });
      // A token sent and not known is called invalid, not missing, and says nothing of the tokens that exist.
      expect(await as('admin-token-012345678X', 'GET', '/findings')).toEqual({ status: 401, body: { error: 'the bearer token is not valid' } });
      expect(await as('nope', 'POST', '/admin/clock', { now: '2026-02-01T00:00:00+07:00' })).toEqual({ status: 401, body: { error: 'the bearer token is not valid' } });
      expect((await as('tdp5-token-0123456789', 'PUT', '/org', exampleOrgJson())).status).toBe(403);
      expect((await as('admin-token-0123456789', 'PUT', '/org', exampleOrgJson())).status).toBe(200);
      const tdp2 = exampleEvents().find((e) => e.meetingId === 'TDP2-01')!;
      const tdp5 = exampleEvents().find((e) => e.meetingId === 'TDP5-01')!;
      const refused = await as('tdp5-token-0123456789', 'POST', '/events', [tdp5, tdp2]);
      expect(refused.status).toBe(403);
      expect(JSON.stringify(refused.body)).toContain('LC.NL.TDP2');
      expect((await as('tdp5-token-0123456789', 'GET', '/findings', undefined).then(() => as('tdp5-token-0123456789', 'GET', '/findings?unit=LC.NL'))).status).toBe(403);
      // Nothing of the refused batch was stored: TDP5-01 is new when sent alone.
      expect(await as('tdp5-token-0123456789', 'POST', '/events', [tdp5])).toEqual({ status: 202, body: { accepted: 1, duplicates: 0 } });
    } finally {
      await scoped.close();
    }
  });
});
