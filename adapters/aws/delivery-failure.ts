/**
 * An AWS SDK error of a send (SES, SNS) as a DeliveryFailure: throttling,
 * a service fault (5xx) or no answer at all may pass, so they are retried;
 * any other client fault (4xx) names something wrong with the message, the
 * address or the account, which the same send would meet again, so it is
 * permanent (logged as failed, dead-lettered, redriven once fixed). The SDK
 * has already retried what it retries itself before this sees the error.
 */
import type { Channel } from '../../shared/contract/contacts.ts';
import { redact } from '../../shared/delivery/redact.ts';
import { DeliveryFailure } from '../../shared/ports/channel-sender.ts';

/** Error names (with or without the SDK's "Exception" suffix) that trying again later may cure, whatever their status. */
const TRANSIENT = new Set([
  'Throttling',
  'ThrottlingException',
  'Throttled',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'KMSThrottlingException',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
  'ExpiredTokenException',
  'InternalError',
  'InternalFailure',
  'ServiceUnavailable',
]);

interface SdkError {
  name?: string;
  message?: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number };
}

const bare = (name: string): string => name.replace(/Exception$/, '');

/**
 * `service` names the API in the reason ("SES", "SNS"); `alsoTransient`, error names this API gives to what
 * passes with time (SES's LimitExceededException: a sending quota). The reason is redacted: SES names the
 * address it refused ("The following identities failed the check: …").
 */
export function awsDeliveryFailure(channel: Channel, service: string, err: unknown, alsoTransient: readonly string[] = []): DeliveryFailure {
  const e = (err ?? {}) as SdkError;
  const name = typeof e.name === 'string' && e.name !== '' ? e.name : 'Error';
  const status = e.$metadata?.httpStatusCode;
  const transientNames = new Set([...TRANSIENT, ...alsoTransient].map(bare));
  const transient =
    transientNames.has(bare(name)) ||
    e.$fault === 'server' ||
    status === 429 ||
    (status !== undefined && status >= 500) ||
    // No status and no fault: the request never got an answer (a reset, DNS, a timeout).
    (status === undefined && e.$fault === undefined);
  const words = redact(String(e.message ?? ''), 240);
  return new DeliveryFailure(channel, !transient, `${service} ${name}${status === undefined ? '' : ` (HTTP ${status})`}${words === '' ? '' : `: ${words}`}`);
}
