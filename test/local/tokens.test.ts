/** The embedded default's tokens file: validated with the token named, and looked up by own keys only. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authenticator, loadTokens } from '../../local/tokens.ts';

async function file(text: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'chibo-tokens-')), 'chibo.tokens.json');
  await writeFile(path, text);
  return path;
}

describe('tokens file', () => {
  it('is optional: without it, 127.0.0.1 alone is served, as admin', async () => {
    expect(await loadTokens('/nonexistent/chibo.tokens.json')).toBeNull();
    const auth = authenticator(null, () => ['SH']);
    expect(auth(undefined, '127.0.0.1')).toEqual({ scope: ['SH'], roles: new Set(['admin', 'recorder', 'inspector']), wholeOrg: true, name: 'admin@127.0.0.1' });
    expect(auth(undefined, '10.0.0.2')).toBeNull();
  });

  it('names the short token (by its place: a token is a secret), the bad role or the broken JSON', async () => {
    await expect(loadTokens(await file('{"tokens":{"short":{"units":["SH"],"roles":["admin"]}}}'))).rejects.toThrow('tokens.<token 1>: a token has at least 16 characters');
    await expect(loadTokens(await file('{"tokens":{"0123456789abcdef":{"units":["SH"],"roles":["king"]}}}'))).rejects.toThrow('tokens.<token 1>.roles.0');
    await expect(loadTokens(await file('{"tokens":'))).rejects.toThrow(/chibo\.tokens\.json: not valid JSON/);
  });

  it('maps a bearer token to its scope and roles; unknown and prototype keys are nobody', async () => {
    const tokens = await loadTokens(await file('{"tokens":{"0123456789abcdef":{"units":["SH.C001"],"roles":["recorder"]}}}'));
    const auth = authenticator(tokens, () => ['SH']);
    expect(auth('Bearer 0123456789abcdef', '10.0.0.2')).toEqual({ scope: ['SH.C001'], roles: new Set(['recorder']), name: 'token 1' });
    expect(auth('Bearer fedcba9876543210', '127.0.0.1')).toBeNull();
    expect(auth('Bearer constructor', '127.0.0.1')).toBeNull();
    expect(auth('Bearer __proto__', '127.0.0.1')).toBeNull();
    expect(auth(undefined, '127.0.0.1')).toBeNull();
  });
});
