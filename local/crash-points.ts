/**
 * A crash drill (CHIBO_CRASH_AT=point:eventId, docs/operations.md): the process
 * kills itself with SIGKILL at one point of one event's path, as a power cut
 * or the OOM killer would, so a test can restart it on the same folder and see
 * what was lost. Unset, nothing of it is on any path.
 */
import type { LedgerStore } from '../shared/ports/ledger-store.ts';
import type { Notifier } from '../shared/ports/notifier.ts';
import type { ChannelSenders } from '../shared/ports/channel-sender.ts';
import type { DeliveryLog } from '../shared/ports/delivery-log.ts';

export const CRASH_POINTS = ['before-claim', 'after-claim', 'after-registers', 'after-findings', 'after-publish'] as const;
/** The points of a delivery, named by the recipient: between its claim and its send, between its send and its mark. */
export const DELIVERY_CRASH_POINTS = ['after-delivery-claim', 'after-send'] as const;
const ALL_POINTS: readonly string[] = [...CRASH_POINTS, ...DELIVERY_CRASH_POINTS];
export type CrashPoint = (typeof CRASH_POINTS)[number] | (typeof DELIVERY_CRASH_POINTS)[number];

export interface CrashPlan {
  point: CrashPoint;
  /** The event, or for a delivery point the recipient. */
  eventId: string;
}

export function crashPlanFromEnv(value: string | undefined): CrashPlan | null {
  if (!value) return null;
  const colon = value.indexOf(':');
  const point = value.slice(0, colon) as CrashPoint;
  if (colon < 0 || !ALL_POINTS.includes(point)) throw new Error(`CHIBO_CRASH_AT: expected <point>:<eventId or recipient> with a point of ${ALL_POINTS.join(', ')}, not "${value}"`);
  return { point, eventId: value.slice(colon + 1) };
}

const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};

/** The store and the notifier, dying at the plan's point once the planned event has been read (the first step of its path). */
export function withCrashPoint(plan: CrashPlan, store: LedgerStore, notifier: Notifier): { store: LedgerStore; notifier: Notifier } {
  let armed = false;
  const after = (method: keyof LedgerStore, point: CrashPoint) => {
    const original = (store[method] as (...args: unknown[]) => Promise<unknown>).bind(store);
    return async (...args: unknown[]) => {
      const result = await original(...args);
      if (armed && plan.point === point) die();
      return result;
    };
  };
  const wrapped = Object.create(store) as LedgerStore;
  Object.assign(wrapped, {
    meetingContext: async (event: Parameters<LedgerStore['meetingContext']>[0]) => {
      if (event.eventId === plan.eventId) {
        if (plan.point === 'before-claim') die();
        armed = true;
      }
      return store.meetingContext(event);
    },
    claimMeeting: after('claimMeeting', 'after-claim'),
    writeRegister: after('writeRegister', 'after-registers'),
    saveFindings: after('saveFindings', 'after-findings'),
  });
  return {
    store: wrapped,
    notifier: {
      publish: async (n) => {
        await notifier.publish(n);
        if (armed && plan.point === 'after-publish') die();
      },
    },
  };
}

/** The delivery log and the senders, dying after the plan's recipient's first claim, or after the first send once it is claimed (before the mark). */
export function withDeliveryCrashPoint(plan: CrashPlan, log: DeliveryLog, senders: ChannelSenders): { log: DeliveryLog; senders: ChannelSenders } {
  let armed = false;
  const wrapped = Object.create(log) as DeliveryLog;
  wrapped.claim = async (key, ...rest) => {
    const result = await log.claim(key, ...rest);
    if (key.recipient === plan.eventId && result === 'claimed') {
      if (plan.point === 'after-delivery-claim') die();
      armed = true;
    }
    return result;
  };
  const dying: ChannelSenders = {};
  for (const [channel, sender] of Object.entries(senders) as Array<[keyof ChannelSenders, { send(m: never): Promise<void> }]>) {
    (dying as Record<string, unknown>)[channel] = {
      send: async (m: never) => {
        await sender.send(m);
        if (armed) die();
      },
    };
  }
  return { log: wrapped, senders: plan.point === 'after-send' ? dying : senders };
}
