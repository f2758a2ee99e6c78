/**
 * Ids the page makes for a draft, once: the event's (so a double click or a
 * resend after a lost answer is the same event, and the server accepts it once)
 * and a new meeting's. The contract's ids are [A-Za-z0-9._:-]{1,128}.
 */
function random(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const newEventId = (): string => `web.${random()}`;

/** "<cell>.M.20260402.<random>": readable in the drill-down, unique without asking the server. */
export const newMeetingId = (unitId: string, localDate: string): string => `${unitId}.M.${localDate.replaceAll('-', '')}.${random().slice(0, 8)}`;
