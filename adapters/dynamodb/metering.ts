/**
 * A client middleware that meters DynamoDB use: calls, sequential round trips
 * (a call that starts while none is in flight opens a new one) and consumed
 * capacity, so tests and logs can hold handlers to their budgets.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export interface Meter {
  calls: number;
  roundTrips: number;
  readUnits: number;
  writeUnits: number;
  byCommand: Record<string, number>;
}

export const emptyMeter = (): Meter => ({ calls: 0, roundTrips: 0, readUnits: 0, writeUnits: 0, byCommand: {} });

type Capacity = { ReadCapacityUnits?: number; WriteCapacityUnits?: number; CapacityUnits?: number };

export function meterDynamo(client: DynamoDBClient): { meter: Meter; reset: () => Meter } {
  let meter = emptyMeter();
  let inFlight = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      input['ReturnConsumedCapacity'] ??= 'TOTAL';
      const name = context.commandName ?? 'unknown';
      meter.calls++;
      meter.byCommand[name] = (meter.byCommand[name] ?? 0) + 1;
      if (inFlight === 0) meter.roundTrips++;
      inFlight++;
      try {
        const result = await next(args);
        const output = result.output as { ConsumedCapacity?: Capacity | Capacity[] };
        const consumed = output.ConsumedCapacity;
        for (const c of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
          const reads = c.ReadCapacityUnits ?? (/Get|Query|Scan/.test(name) ? (c.CapacityUnits ?? 0) : 0);
          const writes = c.WriteCapacityUnits ?? (/Put|Update|Delete|Write/.test(name) ? (c.CapacityUnits ?? 0) : 0);
          meter.readUnits += reads;
          meter.writeUnits += writes;
        }
        return result;
      } finally {
        inFlight--;
      }
    },
    { step: 'initialize', name: 'chiboMeter' },
  );
  return {
    get meter() {
      return meter;
    },
    reset() {
      const before = meter;
      meter = emptyMeter();
      return before;
    },
  };
}
