/**
 * Contacts are personal data and never in the dashboard's bundle
 * (issue 16): the built page, its script and its chunks hold no /contacts
 * route and no e-mail address but the few that a bundled library's own
 * source carries. And the page's finding identity (restated to keep zod out
 * of the bundle) is the shared one, which e-mail links use; its notice
 * times are Vietnam's.
 */
import { describe, expect, it } from 'vitest';
import { findingIdentity, type Finding } from '../../shared/contract/findings.ts';
import { buildDashboard } from '../../web/build.ts';
import { identityOf, shortTime } from '../../web/src/identity.ts';

/** Addresses in exceljs's bundled dependencies' source (authors, a git remote): not ours, not people's contacts. */
const THIRD_PARTY = new Set(['git@github.com', 'fedor@indutny.com']);
const ADDRESS = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

describe('the dashboard bundle', () => {
  it('holds no /contacts route and no e-mail address', async () => {
    const assets = await buildDashboard();
    expect([...assets.keys()]).toContain('/app.js');
    for (const [path, asset] of assets) {
      const text = new TextDecoder().decode(asset.body);
      expect(text.includes('/contacts'), path).toBe(false);
      expect(text.includes('contacts'), path).toBe(false);
      expect((text.match(ADDRESS) ?? []).filter((a) => !THIRD_PARTY.has(a)), path).toEqual([]);
    }
    // The page's own code holds none at all.
    expect(new TextDecoder().decode(assets.get('/app.js')!.body).match(ADDRESS)).toBeNull();
  });

  it('writes a notice’s time in Vietnam’s zone, whatever the machine’s', () => {
    expect(shortTime('2026-04-05T00:00:00.000Z')).toBe('07:00 05/04');
    expect(shortTime('2026-04-04T17:30:00+00:00')).toBe('00:30 05/04');
  });

  it('names findings as the shared findingIdentity does', () => {
    const f: Pick<Finding, 'kind' | 'ruleId' | 'subject' | 'period'> = { kind: 'violation', ruleId: 'dieu-le/monthly-regular-meeting', subject: { type: 'cell', id: 'SH.C001.KDC04' }, period: '2026-01' };
    expect(identityOf(f)).toBe(findingIdentity(f));
    expect(identityOf({ ...f, kind: 'reminder', subject: { type: 'leader', id: 'L.SH.02' }, period: '2026-Q1' })).toBe(findingIdentity({ ...f, kind: 'reminder', subject: { type: 'leader', id: 'L.SH.02' }, period: '2026-Q1' }));
  });
});
