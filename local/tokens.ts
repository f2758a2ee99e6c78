/**
 * Tokens of the embedded runtime (`chibo.tokens.json`, docs/local.md): each
 * maps to a scope and roles, as a Cognito token does on AWS. Without the
 * file, only requests from 127.0.0.1 are served, as a single admin.
 */
import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import { Role, type Caller } from '../shared/auth/caller.ts';
import { parseJsonText } from '../shared/contract/json-text.ts';
import { Id } from '../shared/contract/primitives.ts';

export const TokensFile = z.strictObject({
  tokens: z
    .record(z.string(), z.strictObject({ name: z.string().optional(), units: z.array(Id).min(1), roles: z.array(Role).min(1) }))
    // Checked here rather than as the record's key schema, whose failure zod reports only as "Invalid key in record".
    .superRefine((tokens, ctx) => {
      for (const token of Object.keys(tokens)) if (token.length < 16) ctx.addIssue({ code: 'custom', path: [token], message: 'a token has at least 16 characters' });
    }),
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
  // JSON.parse's message quotes the text around the error, which may be a token: parseJsonText says where, and only that.
  const read = parseJsonText(text);
  if (!read.ok) throw new Error(`${file}: ${read.issue.syntax ? `not valid JSON — ${read.issue.message}` : `line ${read.issue.line ?? '?'}: a token or field given twice, or nesting too deep`}`);
  const json = read.json;
  const parsed = TokensFile.safeParse(json);
  if (!parsed.success) {
    // A token is a secret, and this message reaches the console: name it by its place in the file.
    const order = Object.keys((json as { tokens?: object } | null)?.tokens ?? {});
    const place = (path: PropertyKey[]) => path.map((p, i) => (i === 1 && path[0] === 'tokens' && order.includes(String(p)) ? `<token ${order.indexOf(String(p)) + 1}>` : String(p)));
    throw new Error(`${file}: ${parsed.error.issues.map((i) => `${place(i.path).join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function authenticator(tokens: TokensFile | null, adminScope: () => readonly string[]): Authenticate {
  // A decision records who made it: the token's name, else its place in the file (never the token itself). A Map: a token "constructor" finds nothing.
  const callers = new Map(Object.entries(tokens?.tokens ?? {}).map(([token, entry], i) => [token, { scope: entry.units, roles: new Set(entry.roles), name: entry.name ?? `token ${i + 1}` }]));
  return (authorization, remoteAddress) => {
    if (!tokens) return remoteAddress !== undefined && LOOPBACK.has(remoteAddress) ? { scope: adminScope(), roles: new Set(['admin', 'recorder', 'inspector']), wholeOrg: true, name: 'admin@127.0.0.1' } : null;
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    const caller = token === undefined ? undefined : callers.get(token);
    return caller ? { ...caller, roles: new Set(caller.roles) } : null;
  };
}
