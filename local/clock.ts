/** The embedded runtime's time: the machine's, or a simulated one that demos and tests move forward. */
export interface Clock {
  readonly simulated: boolean;
  now(): number;
}

export const realClock: Clock = { simulated: false, now: () => Date.now() };

export class SimulatedClock implements Clock {
  readonly simulated = true;
  constructor(private current: number) {}
  now(): number {
    return this.current;
  }
  /** Time only moves forward. */
  set(ms: number): void {
    if (ms > this.current) this.current = ms;
  }
}
