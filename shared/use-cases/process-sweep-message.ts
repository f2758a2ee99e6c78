/** One message from the sweeps queue: the job parsed, its province swept (the sweeps' twin of process-bus-message.ts). */
import { SweepJob } from '../contract/sweep-job.ts';
import { formatPath } from '../contract/issues.ts';
import { PermanentError } from './errors.ts';
import { sweepProvince, type SweepResult } from './sweep-deadlines.ts';

export async function processSweepMessage(body: string, deps: Parameters<typeof sweepProvince>[1]): Promise<{ job: SweepJob; result: SweepResult }> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new PermanentError('the message is not JSON');
  }
  const parsed = SweepJob.safeParse(json);
  if (!parsed.success) throw new PermanentError(`not a sweep job: ${parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('; ')}`);
  return { job: parsed.data, result: await sweepProvince(parsed.data, deps) };
}
