import { createHash } from 'node:crypto';

/** A short digest of a value's JSON: enough to tell whether a finding changed, far smaller than the finding. */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 16);
}
