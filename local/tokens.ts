/**
 * Tokens of the embedded runtime (`chibo.tokens.json`, docs/local.md): each
 * maps to a scope and roles, as a Cognito token does on AWS. Without the
 * file, only requests from 127.0.0.1 are served, as a single admin.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { Role, type Caller } from '../shared/auth/caller.ts';
import { Id } from '../shared/contract/primitives.ts';

export const TokensFile = z.strictObject({
  tokens: z.record(z.string().min(16, 'a token has at least 16 characters'), z.strictObject({ name: z.string().optional(), units: z.array(Id).min(1), roles: z.array(Role).min(1) })),
});
export type TokensFile = z.infer<typeof TokensFile>;

export type Authenticate = (authorization: string | undefined, remoteAddress: string | undefined) => Caller | null;

export async function loadTokens(file: string): Promise<TokensFile | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  const parsed = TokensFile.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function authenticator(tokens: TokensFile | null, adminScope: () => readonly string[]): Authenticate {
  return (authorization, remoteAddress) => {
    if (!tokens) return remoteAddress !== undefined && LOOPBACK.has(remoteAddress) ? { scope: adminScope(), roles: new Set(['admin', 'recorder', 'inspector']) } : null;
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    const entry = token === undefined ? undefined : tokens.tokens[token];
    return entry ? { scope: entry.units, roles: new Set(entry.roles) } : null;
  };
}
