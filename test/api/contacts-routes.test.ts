/**
 * PUT /contacts, GET /contacts and GET /deliveries over in-memory ports: the
 * directory replaced for the caller's provinces, bad fields named
 * (contacts.<i>.<field>) with nothing changed, recipients outside the scope
 * refused naming their index, answers that never repeat an address sent.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../shared/api/api-types.ts';
import { handleRequest } from '../../shared/api/handle-request.ts';
import { callerFromClaims, type Caller } from '../../shared/auth/caller.ts';
import type { DeliveryRecord } from '../../shared/contract/deliveries.ts';
import { exampleOrgJson } from '../support/builders.ts';
import { fakeDeps } from './port-fakes.ts';

const caller = (units: string, groups: string[]): Caller => callerFromClaims({ 'custom:units': units, 'cognito:groups': groups })!;
const admin = caller('LC', ['admin']);
const wardAdmin = caller('LC.NL', ['admin']);
const inspector = caller('LC.NL', ['inspector']);
const otherInspector = caller('LC.NL.THCS', ['inspector']);
const recorder = caller('LC.NL.TDP2', ['recorder']);

let deps: ReturnType<typeof fakeDeps>;
beforeEach(() => void (deps = fakeDeps(exampleOrgJson())));
const call = (method: string, path: string, who: Caller, body?: unknown, query: Record<string, string> = {}): Promise<ApiResponse> =>
  handleRequest({ method, path, query, body: body === undefined ? undefined : JSON.stringify(body), caller: who }, deps);

const xa = { recipient: 'L-xa', name: 'Hà Văn Xã', email: 'xa@example.vn', channels: ['email'], digest: 'immediate' };
const ubkt = { recipient: 'ubkt:LC.NL', name: 'Ủy ban kiểm tra', phone: '+84912345678', channels: ['sms'], digest: 'daily', language: 'en' };

describe('PUT /contacts', () => {
  it('replaces the directory of the admin’s province and answers how many; GET /contacts reads it back', async () => {
    expect(await call('PUT', '/contacts', admin, { contacts: [xa, ubkt] })).toEqual({ status: 200, body: { contacts: 2 } });
    expect(await call('PUT', '/contacts', admin, { contacts: [ubkt] })).toEqual({ status: 200, body: { contacts: 1 } });
    expect(await call('GET', '/contacts', admin)).toEqual({ status: 200, body: { contacts: [ubkt] } });
    expect([...deps.contacts.byRecipient.values()].map((c) => c.provinceId)).toEqual(['LC']);
  });

  it('names each bad field and changes nothing; the answer does not repeat the address', async () => {
    await call('PUT', '/contacts', admin, { contacts: [xa] });
    const res = await call('PUT', '/contacts', admin, { contacts: [{ ...xa, email: 'not an address', channels: ['email', 'sms'] }, { ...ubkt, digest: 'weekly', extra: 1 }] });
    expect(res.status).toBe(400);
    const paths = (res.body as { errors: Array<{ path: string }> }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['contacts.0.email', 'contacts.1.digest', 'contacts.1.extra']));
    expect(JSON.stringify(res.body)).not.toContain('not an address');
    expect((await call('GET', '/contacts', admin)).body).toEqual({ contacts: [{ ...xa, language: 'vi' }] });
  });

  it('refuses, with 403 naming the index, a recipient outside the caller’s provinces, a ghost alike; and a non-province admin', async () => {
    const res = await call('PUT', '/contacts', admin, { contacts: [xa, { ...xa, recipient: 'L-ghost' }, { ...ubkt, recipient: 'ubkt:HN' }] });
    expect(res.status).toBe(403);
    expect((res.body as { errors: Array<{ path: string }> }).errors.map((e) => e.path)).toEqual(['contacts.1.recipient', 'contacts.2.recipient']);
    expect(deps.contacts.byRecipient.size).toBe(0);
    expect((await call('PUT', '/contacts', wardAdmin, { contacts: [xa] })).status).toBe(403);
    expect((await call('PUT', '/contacts', inspector, { contacts: [xa] })).status).toBe(403);
    expect((await call('GET', '/contacts', inspector)).status).toBe(403);
  });
});

describe('GET /deliveries', () => {
  const record = (recipient: string, unitId: string | null, status: DeliveryRecord['status']): DeliveryRecord => ({
    recipient,
    channel: 'email',
    notice: { kind: 'violation', ruleId: 'dieu-le/monthly-regular-meeting', subject: { type: 'cell', id: 'LC.NL.TDP5' }, period: '2026-02', stage: 'raised' },
    digest: null,
    status,
    at: '2026-04-04T06:00:00+07:00',
    attempts: 1,
    provinceId: 'LC',
    unitId,
  });

  it('shows inspectors what lies in their scope, filtered by recipient and status; recorders get 403', async () => {
    deps.listed.log.push(record('L-xa', 'LC.NL', 'sent'), record('S-TDP5', 'LC.NL.TDP5', 'failed'), record('ubkt:LC.NL', null, 'waiting'), record('S-THCS', 'LC.NL.THCS', 'sent'));
    expect(((await call('GET', '/deliveries', inspector)).body as DeliveryRecord[]).map((r) => r.recipient).sort()).toEqual(['L-xa', 'S-TDP5', 'S-THCS', 'ubkt:LC.NL']);
    expect(((await call('GET', '/deliveries', otherInspector)).body as DeliveryRecord[]).map((r) => r.recipient)).toEqual(['S-THCS']);
    expect(((await call('GET', '/deliveries', inspector, undefined, { status: 'failed' })).body as DeliveryRecord[]).map((r) => r.recipient)).toEqual(['S-TDP5']);
    expect(((await call('GET', '/deliveries', otherInspector, undefined, { recipient: 'L-xa' })).body as DeliveryRecord[])).toEqual([]);
    expect((await call('GET', '/deliveries', recorder)).status).toBe(403);
    expect((await call('GET', '/deliveries', inspector, undefined, { status: 'lost' })).status).toBe(400);
  });
});
