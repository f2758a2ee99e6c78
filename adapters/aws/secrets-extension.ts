/**
 * A secret read through the AWS Parameters and Secrets Lambda Extension (a
 * layer the stack adds): a GET on localhost, authenticated by the function's
 * session token; the extension caches the value (PARAMETERS_SECRETS_EXTENSION
 * _CACHE_TTL) and refreshes it from Secrets Manager. So a secret that is
 * rotated (a Zalo OA access token lasts about a day) is picked up within the
 * TTL without a redeploy, and without an SDK client in the bundle.
 */
import type { Fetch } from '../http/post-json.ts';

export interface SecretsExtensionOptions {
  fetch?: Fetch;
  /** The extension's port (PARAMETERS_SECRETS_EXTENSION_HTTP_PORT, default 2773). */
  port?: number;
  sessionToken?: string | undefined;
}

/** Reads a secret's string value; throws (naming the secret, never its value) when it cannot. */
export async function secretFromExtension(secretId: string, options: SecretsExtensionOptions = {}): Promise<string> {
  const port = options.port ?? 2773;
  const url = `http://localhost:${port}/secretsmanager/get?secretId=${encodeURIComponent(secretId)}`;
  const res = await (options.fetch ?? fetch)(url, {
    headers: { 'X-Aws-Parameters-Secrets-Token': options.sessionToken ?? process.env['AWS_SESSION_TOKEN'] ?? '' },
    signal: AbortSignal.timeout(5_000),
  });
  if (!res.ok) throw new Error(`secret ${secretId}: the secrets extension answered HTTP ${res.status}`);
  const body = (await res.json()) as { SecretString?: unknown };
  if (typeof body.SecretString !== 'string' || body.SecretString === '') throw new Error(`secret ${secretId}: no string value`);
  return body.SecretString;
}

/** A ZNS token as stored: the bare token, or the JSON Zalo's token endpoint answers ({"access_token": …, "refresh_token": …}). */
export function accessTokenOf(secret: string): string {
  const trimmed = secret.trim();
  if (!trimmed.startsWith('{')) return trimmed;
  const parsed = JSON.parse(trimmed) as { access_token?: unknown };
  if (typeof parsed.access_token !== 'string' || parsed.access_token === '') throw new Error('the ZNS token secret is JSON without an access_token');
  return parsed.access_token;
}
