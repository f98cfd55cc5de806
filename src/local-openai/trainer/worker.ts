import { parentPort, workerData } from 'node:worker_threads';
import { trainSteps } from './train.js';
import type { TrainingInput, TrainingMessage } from './types.js';

// Entry of the training worker thread: stream every message of the run to the parent.
const port = parentPort;
if (port) {
  try {
    for (const message of trainSteps(workerData as TrainingInput)) port.postMessage(message satisfies TrainingMessage);
  } catch (error) {
    port.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) } satisfies TrainingMessage);
  }
}
