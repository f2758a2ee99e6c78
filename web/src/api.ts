/**
 * Calls to the monitor's HTTP API with the user's token. Served by the
 * embedded default, the page and the API share an origin and 127.0.0.1 needs
 * no token; on AWS, CloudFront serves both too, and the token is the Cognito
 * ID token (from the hosted sign-in's redirect, `#id_token=…`, or pasted).
 */
const TOKEN_KEY = 'chibo.token';

/** Each field the server refused (POST /events: `index`, `path` like "attendance.2.status", its English `message`). */
export interface FieldIssue {
  index?: number;
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The server's own words: the error, and the fields it names (the record form puts each by its field). */
    readonly error: string | undefined = undefined,
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
  }
}

export function takeTokenFromRedirect(): void {
  const hash = new URLSearchParams(location.hash.replace(/^#/, ''));
  const token = hash.get('id_token');
  if (token) {
    sessionStorage.setItem(TOKEN_KEY, token);
    history.replaceState(null, '', location.pathname + location.search);
  }
}

export const setToken = (token: string): void => sessionStorage.setItem(TOKEN_KEY, token);

export async function api<T>(method: 'GET' | 'POST', path: string, query: Record<string, string | undefined> = {}, body?: unknown): Promise<T> {
  const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
  const token = sessionStorage.getItem(TOKEN_KEY);
  const res = await fetch(`${path}${params.size > 0 ? `?${params}` : ''}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const json = (await res.json().catch(() => ({}))) as { error?: string; errors?: FieldIssue[] };
  if (!res.ok) throw new ApiError(res.status, [json.error, ...(json.errors ?? []).map((e) => `${e.path}: ${e.message}`)].filter(Boolean).join(' — ') || `HTTP ${res.status}`, json.error, json.errors ?? []);
  return json as T;
}
