/**
 * A crash drill (CHIBO_CRASH_AT=point:eventId, docs/operations.md): the process
 * kills itself with SIGKILL at one point of one event's path, as a power cut
 * or the OOM killer would, so a test can restart it on the same folder and see
 * what was lost. Unset, nothing of it is on any path.
 */
import type { LedgerStore } from '../shared/ports/ledger-store.ts';
import type { Notifier } from '../shared/ports/notifier.ts';

export const CRASH_POINTS = ['before-claim', 'after-claim', 'after-registers', 'after-findings', 'after-publish'] as const;
export type CrashPoint = (typeof CRASH_POINTS)[number];

export interface CrashPlan {
  point: CrashPoint;
  eventId: string;
}

export function crashPlanFromEnv(value: string | undefined): CrashPlan | null {
  if (!value) return null;
  const colon = value.indexOf(':');
  const point = value.slice(0, colon) as CrashPoint;
  if (colon < 0 || !CRASH_POINTS.includes(point)) throw new Error(`CHIBO_CRASH_AT: expected <point>:<eventId> with a point of ${CRASH_POINTS.join(', ')}, not "${value}"`);
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
