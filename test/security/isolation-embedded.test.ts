/**
 * Isolation end to end through the embedded default's HTTP server: a tokens
 * file with two provinces × three roles, the store in memory, a random port.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { instantMs } from '../../shared/calendar/period.ts';
import { startRuntime, type Runtime } from '../../local/runtime.ts';
import { describeIsolation, type Client } from './isolation-table.ts';
import { AS_OF, ENV, NATIONAL_ADMIN, START, token, tokensFile, twoProvinceEvents, twoProvinceOrg } from './two-provinces.ts';

let runtime: Runtime;

const client: Client = async (who, method, path, body) => {
  const bearer = who === 'nobody' ? null : who === 'national' ? NATIONAL_ADMIN : token(who.province, who.role);
  const res = await fetch(`${runtime.url}${path}`, {
    method,
    headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as unknown };
};

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'chibo-isolation-'));
  await writeFile(join(dir, 'chibo.tokens.json'), JSON.stringify(tokensFile()));
  runtime = await startRuntime({ dataDir: null, stateDir: dir, port: 0, simulatedStart: instantMs(START), tokensFile: join(dir, 'chibo.tokens.json'), console: null, env: ENV });
  expect((await client('national', 'PUT', '/org', twoProvinceOrg())).status).toBe(200);
  expect((await client('national', 'POST', '/events', twoProvinceEvents())).status).toBe(202);
  expect((await client('national', 'POST', '/admin/clock', { now: AS_OF })).status).toBe(200);
});
afterAll(async () => runtime?.close());

describeIsolation('embedded', () => client);
