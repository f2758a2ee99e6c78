/** Shares of an evaluate run in this thread (cli/evaluation-share.ts), driven as the worker threads are, for fast property runs. */
import { inputErrorMessage, type FromMain, type ShareHandle, type ToMain } from '../../cli/evaluate-in-workers.ts';
import type { EvaluateArgs } from '../../cli/evaluation-setup.ts';
import { EvaluationShare } from '../../cli/evaluation-share.ts';

export function inThreadShares(args: EvaluateArgs, count: number): ShareHandle[] {
  return Array.from({ length: count }, (_, index) => {
    const opened = EvaluationShare.open(args, { index, count });
    let deliver!: (m: FromMain) => void;
    const received = new Promise<FromMain>((resolve) => (deliver = resolve));
    let calls = 0;
    const step = async (): Promise<ToMain> => {
      const share = await opened;
      if (calls++ === 0) return { type: 'applied', ...(await share.apply()) };
      const { from, incoming } = await received;
      return { type: 'findings', ...share.findings(from, incoming) };
    };
    return {
      next: () => step().catch(inputErrorMessage),
      send: (message) => deliver(message),
      close: async () => {},
    };
  });
}
