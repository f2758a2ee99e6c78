/**
 * Records saved without a connection: kept in localStorage, shown as "Chưa
 * gửi" until the server accepts them, and sent again (the same event, the
 * same eventId, so the server accepts it once however often it arrives) when
 * the browser says it is back online, at the page's start, and every 20 s
 * while any wait. An entry holds the event (member ids, no names) and the
 * cell's name and the meeting's time to show it by.
 */
import { api, ApiError } from './api.ts';
import type { RecordEvent } from './record-types.ts';

const KEY = 'chibo.outbox';
const RETRY_MS = 20_000;

export interface Queued {
  event: RecordEvent;
  /** What the list says: the cell's name and when the meeting was held (or that it is a retraction). */
  unitName: string;
  heldAt: string | null;
  /** The server refused it (400/403): it is not retried; the words say why. */
  refused?: string;
}

export interface Sent {
  event: RecordEvent;
  accepted: number;
  duplicates: number;
  /** Sent from the outbox (it had waited), not straight from the form. */
  fromQueue: boolean;
}

const listeners = new Set<() => void>();
const sentListeners = new Set<(sent: Sent) => void>();
let flushing: Promise<void> | null = null;
let timer: ReturnType<typeof setInterval> | null = null;

export function queued(): Queued[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as Queued[];
  } catch {
    return [];
  }
}

function write(list: Queued[]): void {
  if (list.length === 0) localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, JSON.stringify(list));
  for (const l of listeners) l();
  if (list.some((q) => !q.refused)) timer ??= setInterval(() => void flush(), RETRY_MS);
  else if (timer !== null) {
    clearInterval(timer);
    timer = null;
  }
}

export const onQueueChange = (listener: () => void): void => void listeners.add(listener);
export const onSent = (listener: (sent: Sent) => void): void => void sentListeners.add(listener);

/**
 * Worth keeping and sending again: no answer at all (offline, a dropped connection), a gateway's 5xx,
 * a 429, or a 401 (the token ran out; the next sign-in sends it). Any other answer is the server's refusal.
 */
export const unreachable = (err: unknown): boolean => !(err instanceof ApiError) || err.status >= 500 || err.status === 429 || err.status === 401;

/** Sends one event now; a network failure queues it and resolves null, a refusal throws the ApiError. */
export async function send(entry: Queued): Promise<Sent | null> {
  try {
    const res = await api<{ accepted: number; duplicates: number }>('POST', '/events', {}, entry.event);
    const sent = { event: entry.event, ...res, fromQueue: false };
    for (const l of sentListeners) l(sent);
    return sent;
  } catch (err) {
    if (!unreachable(err)) throw err;
    enqueue(entry);
    return null;
  }
}

export function enqueue(entry: Queued): void {
  const list = queued().filter((q) => q.event.eventId !== entry.event.eventId);
  write([...list, entry]);
}

export const discard = (eventId: string): void => write(queued().filter((q) => q.event.eventId !== eventId));

/** Sends what waits, one run at a time (the button, the online event and the timer may all ask at once). */
export function flush(): Promise<void> {
  if (flushing) return flushing;
  // Cleared once settled, not inside the run: with nothing queued the run ends before `flushing` is even assigned.
  flushing = sendQueued().finally(() => (flushing = null));
  return flushing;
}

/** Sends what waits, oldest first, one at a time; stops at the first network failure (the connection is still down). */
async function sendQueued(): Promise<void> {
  for (const entry of queued()) {
    if (entry.refused) continue;
    try {
      const res = await api<{ accepted: number; duplicates: number }>('POST', '/events', {}, entry.event);
      write(queued().filter((q) => q.event.eventId !== entry.event.eventId));
      for (const l of sentListeners) l({ event: entry.event, ...res, fromQueue: true });
    } catch (err) {
      if (unreachable(err)) return;
      const words = err instanceof ApiError ? err.message : String(err);
      write(queued().map((q) => (q.event.eventId === entry.event.eventId ? { ...q, refused: words } : q)));
    }
  }
}

/** Once per page: retry when the connection returns and when the page opens. */
let started = false;
export function startOutbox(): void {
  if (started) return;
  started = true;
  addEventListener('online', () => void flush());
  if (queued().length > 0) write(queued());
  void flush();
}
