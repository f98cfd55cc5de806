import { Worker } from 'node:worker_threads';
import { trainSteps } from './train.js';
import type { TrainingInput, TrainingMessage } from './types.js';

/**
 * Runs a training off the HTTP event loop: in a worker thread by default, or inline in
 * slices of a few milliseconds (setImmediate between slices). Either way the caller reads the
 * same ordered stream of TrainingMessages and may stop the run at any time.
 */

export interface TrainingRun {
  messages: AsyncIterable<TrainingMessage>;
  stop(): void;
}

class MessageQueue<T> implements AsyncIterable<T> {
  private readonly buffer: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | undefined;
  private ended = false;

  push(item: T): void {
    if (this.ended) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: item, done: false });
    } else this.buffer.push(item);
  }

  end(): void {
    this.ended = true;
    if (this.waiting && this.buffer.length === 0) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: undefined, done: true });
    }
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: () => {
        const item = this.buffer.shift();
        if (item !== undefined) return Promise.resolve({ value: item, done: false });
        if (this.ended) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => (this.waiting = resolve));
      },
    };
  }
}

const isTerminal = (m: TrainingMessage) => m.kind === 'done' || m.kind === 'error';

function runInline(input: TrainingInput): TrainingRun {
  const queue = new MessageQueue<TrainingMessage>();
  const steps = trainSteps(input);
  let stopped = false;
  const slice = () => {
    if (stopped) return;
    const until = performance.now() + 8;
    try {
      while (performance.now() < until) {
        const next = steps.next();
        if (next.done) return queue.end();
        queue.push(next.value);
        if (isTerminal(next.value)) return queue.end();
      }
    } catch (error) {
      queue.push({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      return queue.end();
    }
    setImmediate(slice);
  };
  setImmediate(slice);
  return {
    messages: queue,
    stop: () => {
      stopped = true;
      queue.end();
    },
  };
}

/**
 * The worker entry sits next to this file; under tsx or vitest it is TypeScript and needs tsx's
 * loader, resolved from here so the worker starts whatever the current directory is.
 */
function workerUrl(): { url: URL; execArgv: string[] } {
  const here = import.meta.url;
  const ts = here.endsWith('.ts');
  return { url: new URL(ts ? './worker.ts' : './worker.js', here), execArgv: ts ? ['--import', import.meta.resolve('tsx')] : [] };
}

function runInWorker(input: TrainingInput): TrainingRun {
  const queue = new MessageQueue<TrainingMessage>();
  const { url, execArgv } = workerUrl();
  const worker = new Worker(url, { workerData: input, execArgv });
  let finished = false;
  worker.on('message', (message: TrainingMessage) => {
    queue.push(message);
    if (isTerminal(message)) {
      finished = true;
      queue.end();
    }
  });
  worker.on('error', (error) => {
    if (finished) return;
    finished = true;
    queue.push({ kind: 'error', message: error.message });
    queue.end();
  });
  worker.on('exit', (code) => {
    if (finished) return;
    finished = true;
    queue.push({ kind: 'error', message: `training worker exited with code ${code}` });
    queue.end();
  });
  return {
    messages: queue,
    stop: () => {
      finished = true;
      queue.end();
      void worker.terminate();
    },
  };
}

export function startTraining(input: TrainingInput, mode: 'worker' | 'inline'): TrainingRun {
  if (mode === 'inline') return runInline(input);
  try {
    return runInWorker(input);
  } catch {
    // No worker entry next to this module (e.g. bundled): train on the main thread in slices.
    return runInline(input);
  }
}
