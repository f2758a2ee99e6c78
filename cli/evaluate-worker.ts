/** A worker thread of `chibo evaluate --workers N`: one share of the run (cli/evaluation-share.ts), driven by messages. */
import { parentPort, workerData } from 'node:worker_threads';
import { inputErrorMessage, type FromMain, type ToMain, type WorkerInput } from './evaluate-in-workers.ts';
import { EvaluationShare } from './evaluation-share.ts';

const port = parentPort!;
const { args, partition } = workerData as WorkerInput;
const send = (message: ToMain): void => port.postMessage(message);

try {
  const share = await EvaluationShare.open(args, partition);
  send({ type: 'applied', ...(await share.apply()) });
  const { from, incoming } = await new Promise<FromMain>((resolve) => port.once('message', resolve));
  send({ type: 'findings', ...share.findings(from, incoming) });
} catch (err) {
  send(inputErrorMessage(err));
}
