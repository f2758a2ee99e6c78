import * as z from 'zod';
import { Id, Instant } from './primitives.ts';

/** One province's deadline sweep at one instant, as a queue message. */
export const SweepJob = z.strictObject({ provinceId: Id, at: Instant });
export type SweepJob = z.infer<typeof SweepJob>;
