/** A message that can never be processed (it does not parse, its unit is unknown): dead-lettered at once, with the reason, not retried. */
export class PermanentError extends Error {}
