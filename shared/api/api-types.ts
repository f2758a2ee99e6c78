import type * as z from 'zod';
import type { Caller } from '../auth/caller.ts';
import { fromZod } from '../contract/issues.ts';
import { parseJsonText } from '../contract/json-text.ts';
import type { ContactDirectoryStore } from '../ports/contact-directory.ts';
import type { DecisionStore } from '../ports/decision-store.ts';
import type { DeliveryLog } from '../ports/delivery-log.ts';
import type { EventBus } from '../ports/event-bus.ts';
import type { LedgerQueries } from '../ports/ledger-queries.ts';
import type { OrgStore } from '../ports/org-store.ts';
import type { ReportQueries } from '../ports/report-queries.ts';
import type { PipelineConfig } from '../use-cases/pipeline-config.ts';

/** An HTTP request, whatever carried it (API Gateway, the embedded server). */
export interface ApiRequest {
  method: string;
  path: string;
  query: Readonly<Record<string, string | undefined>>;
  body: string | undefined;
  /** Null when the request carried no valid token. */
  caller: Caller | null;
  /** Whether the request carried an Authorization header, valid or not: says which 401 to answer. */
  tokenSent?: boolean;
}

/**
 * The 401 for a request without a caller: a token that was sent and did not
 * authenticate is called invalid, without saying whether it exists.
 */
export const unauthenticated = (tokenSent: boolean | undefined): ApiResponse => ({
  status: 401,
  body: { error: tokenSent ? 'the bearer token is not valid' : 'a bearer token is required' },
});

export interface ApiResponse {
  status: number;
  body: unknown;
}

export interface ApiDeps {
  orgStore: OrgStore;
  ledger: LedgerQueries;
  bus: EventBus;
  reports: ReportQueries;
  /** Inspection committees' decisions on findings (the dashboard's inbox). */
  decisions: DecisionStore;
  /** Who receives the notices, and how (PUT /contacts): personal data. */
  contacts: ContactDirectoryStore;
  /** What became of each notice (GET /deliveries). */
  deliveries: DeliveryLog;
  /**
   * The packs the pipeline evaluates with, so POST /events/preview and GET
   * /quality-sheets say what the pipeline will: pipelineConfig of the same
   * environment. Absent: pipelineConfig({}) (dieu-le everywhere, the other
   * built-in packs where the org binds them).
   */
  config?: PipelineConfig;
  /** The instant reports hold at: the real clock, or the embedded default's simulated one. */
  now: () => number;
}

/** A request with its caller known and the path's parameters (`{id}` of `/units/{id}/members`). */
export type RoutedRequest = ApiRequest & { caller: Caller; params: Readonly<Record<string, string>> };

/** One problem with a request body or query, for a 400. */
export interface ApiIssue {
  index?: number;
  path: string;
  message: string;
}

export const apiError = (status: number, error: string, extra: Record<string, unknown> = {}): ApiResponse => ({ status, body: { error, ...extra } });

/** `attendance.3.status`: the path as DESIGN.md's 400 shows it. */
export const dotPath = (path: ReadonlyArray<PropertyKey>): string => (path.length === 0 ? '(root)' : path.map(String).join('.'));

/** A JSON body, or the 400 to answer, naming where it went wrong (shared/contract/json-text.ts). */
export function parseBody(body: string | undefined): { ok: true; json: unknown } | { ok: false; response: ApiResponse } {
  const parsed = parseJsonText(body ?? '');
  if (parsed.ok) return parsed;
  const { path, message, syntax } = parsed.issue;
  return { ok: false, response: apiError(400, syntax ? 'the body is not valid JSON' : 'the body is JSON the contract refuses', { errors: [{ path: dotPath(path), message }] }) };
}

/** A query the route's schema refused: each parameter named by its own path, an unknown one too. */
export function badQuery(error: z.ZodError, query: unknown): ApiResponse {
  const errors = fromZod(error, query).map((i) => ({ path: dotPath(i.path), message: i.message.replace('unknown field (not in the contract)', 'unknown parameter') }));
  return apiError(400, 'bad query', { errors });
}
