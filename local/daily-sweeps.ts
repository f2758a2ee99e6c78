/**
 * The scheduler of the embedded runtime: a job once a day at an hour of
 * Asia/Ho_Chi_Minh (the sweep at 06:00, the digests at 07:00), as EventBridge
 * Scheduler runs them on AWS. On the real clock it waits for the next one; on
 * a simulated clock, `catchUp` runs every one that fell due up to the new
 * instant, in order.
 */
import { DAY_MS, formatInstant, VIETNAM_OFFSET_MS } from '../shared/calendar/period.ts';
import type { Clock } from './clock.ts';

export const SWEEP_HOUR = 6;
export const DIGEST_HOUR = 7;

/** The first `hour`:00 (Vietnam; 06:00 by default) strictly after `ms`. */
export function nextSweepAfter(ms: number, hour = SWEEP_HOUR): number {
  const localDayStart = Math.floor((ms + VIETNAM_OFFSET_MS) / DAY_MS) * DAY_MS - VIETNAM_OFFSET_MS;
  const today = localDayStart + hour * 3600_000;
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
    private readonly hour = SWEEP_HOUR,
  ) {}

  /** When the next run falls due. */
  next(): number {
    return nextSweepAfter(this.lastSweep, this.hour);
  }

  /** Runs every run due up to `until` (the clock's now), one after the other. */
  catchUp(until?: number): Promise<void> {
    this.running = this.running.then(async () => {
      const end = until ?? this.clock.now();
      for (let at = this.next(); at <= end; at = nextSweepAfter(at, this.hour)) {
        await this.sweep(formatInstant(at));
        this.lastSweep = at;
        await this.saveLast(at);
      }
    });
    return this.running;
  }

  /** On the real clock: wake at each next run. */
  start(): void {
    if (this.clock.simulated) return;
    const wait = Math.max(1000, nextSweepAfter(this.clock.now(), this.hour) - this.clock.now());
    this.timer = setTimeout(() => void this.catchUp().finally(() => this.start()), Math.min(wait, 2 ** 31 - 1));
    this.timer.unref();
  }

  stop(): Promise<void> {
    clearTimeout(this.timer);
    return this.running;
  }
}
