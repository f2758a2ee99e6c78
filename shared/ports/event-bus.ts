import type { MeetingEvent } from '../contract/events.ts';

/** Where accepted events go (EventBridge on AWS, an in-process bus locally). All or nothing: a partial failure throws. */
export interface EventBus {
  put(events: readonly MeetingEvent[]): Promise<void>;
}
