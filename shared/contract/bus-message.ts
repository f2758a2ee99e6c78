import * as z from 'zod';
import { MeetingEvent } from './events.ts';

/** The source every meeting event carries on the bus (DESIGN.md, "Events"). */
export const BUS_SOURCE = 'chibo.meetings';

/** An EventBridge event as the rule delivers it to the queue: the contract's event is its `detail`. */
export const BusMessage = z.object({
  source: z.literal(BUS_SOURCE),
  'detail-type': z.enum(['MeetingRecorded', 'MeetingRetracted']),
  detail: MeetingEvent,
});
export type BusMessage = z.infer<typeof BusMessage>;
