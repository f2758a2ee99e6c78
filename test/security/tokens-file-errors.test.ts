/**
 * A broken chibo.tokens.json stops `chibo serve` with a message on the console:
 * it says which token (by its place in the file) and what is wrong, and never
 * quotes a token.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTokens } from '../../local/tokens.ts';

const GOOD = 'sec-good-token-4b1e9d7c03a2';
const BAD = 'sec-bad-role-token-8f2a6c1e5d';

async function messageOf(text: string): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'chibo-tokens-sec-')), 'chibo.tokens.json');
  await writeFile(file, text);
  return loadTokens(file).then(
    () => 'loaded',
    (err: Error) => err.message,
  );
}

describe('tokens file errors', () => {
  it.each([
    ['a bad role', JSON.stringify({ tokens: { [GOOD]: { units: ['SH'], roles: ['admin'] }, [BAD]: { units: ['SH'], roles: ['king'] } } }), 'tokens.<token 2>.roles.0'],
    ['a short token', JSON.stringify({ tokens: { [GOOD]: { units: ['SH'], roles: ['admin'] }, 'sec-short': { units: ['SH'], roles: ['admin'] } } }), 'tokens.<token 2>: a token has at least 16 characters'],
    ['broken JSON right after a token', `{"tokens":{"${GOOD}":{"units":["SH"],"roles":["admin"]},"${BAD}" {}}}`, 'not valid JSON'],
    ['a token given twice', `{"tokens":{"${BAD}":{"units":["SH"],"roles":["admin"]},"${BAD}":{"units":["SH"],"roles":["admin"]}}}`, 'a token or field given twice'],
  ])('%s: named by place, the token never quoted', async (_, text, expected) => {
    const message = await messageOf(text);
    expect(message).toContain(expected);
    expect(message).not.toContain(GOOD);
    expect(message).not.toContain(BAD);
    expect(message).not.toContain('sec-short');
  });
});
