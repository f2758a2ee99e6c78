/**
 * The scheduler of the embedded runtime: the daily sweep at 06:00
 * Asia/Ho_Chi_Minh, as EventBridge Scheduler runs it on AWS. On the real
 * clock it waits for the next 06:00; on a simulated clock, `catchUp` runs
 * every sweep that fell due up to the new instant, in order.
 */
import { DAY_MS, formatInstant, VIETNAM_OFFSET_MS } from '../shared/calendar/period.ts';
import type { Clock } from './clock.ts';

const SIX_AM_MS = 6 * 3600_000;

/** The first 06:00 (Vietnam) strictly after `ms`. */
export function nextSweepAfter(ms: number): number {
  const localDayStart = Math.floor((ms + VIETNAM_OFFSET_MS) / DAY_MS) * DAY_MS - VIETNAM_OFFSET_MS;
  const today = localDayStart + SIX_AM_MS;
  return today > ms ? today : today + DAY_MS;
}

export class DailySweeps {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly clock: Clock,
    /** The last sweep that ran (persisted by the caller), so a restart neither skips nor repeats one. */
    private lastSweep: number,
    private readonly sweep: (at: string) => Promise<void>,
    private readonly saveLast: (ms: number) => Promise<void>,
  ) {}

  /** Runs every sweep due up to the clock's now, one after the other. */
  catchUp(): Promise<void> {
    this.running = this.running.then(async () => {
      for (let at = nextSweepAfter(this.lastSweep); at <= this.clock.now(); at = nextSweepAfter(at)) {
        await this.sweep(formatInstant(at));
        this.lastSweep = at;
        await this.saveLast(at);
      }
    });
    return this.running;
  }

  /** On the real clock: wake at each next 06:00. */
  start(): void {
    if (this.clock.simulated) return;
    const wait = Math.max(1000, nextSweepAfter(this.clock.now()) - this.clock.now());
    this.timer = setTimeout(() => void this.catchUp().finally(() => this.start()), Math.min(wait, 2 ** 31 - 1));
    this.timer.unref();
  }

  stop(): Promise<void> {
    clearTimeout(this.timer);
    return this.running;
  }
}
