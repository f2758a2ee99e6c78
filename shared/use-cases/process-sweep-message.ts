/** One message from the sweeps queue: the job parsed, its province swept (the sweeps' twin of process-bus-message.ts). */
import { SweepJob } from '../contract/sweep-job.ts';
import { formatPath } from '../contract/issues.ts';
import { PermanentError } from './errors.ts';
import { sweepProvince, type SweepResult } from './sweep-deadlines.ts';

/** A queue message's job (a province at an instant): a sweep's, or a digest run's, which has the same shape. */
export function sweepJobOf(body: string, what = 'a sweep job'): SweepJob {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new PermanentError('the message is not JSON');
  }
  const parsed = SweepJob.safeParse(json);
  if (!parsed.success) throw new PermanentError(`not ${what}: ${parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export async function processSweepMessage(body: string, deps: Parameters<typeof sweepProvince>[1]): Promise<{ job: SweepJob; result: SweepResult }> {
  const job = sweepJobOf(body);
  return { job, result: await sweepProvince(job, deps) };
}
