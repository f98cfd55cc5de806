import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { resolveOptions, type LocalOpenAIOptions } from './config.js';
import { FaultInjector } from './faults.js';
import { FileService } from './files.js';
import { buildApp } from './http/app.js';
import { JobService } from './jobs.js';
import { ModelRegistry } from './models.js';
import { ensureDir } from './store.js';

export type { FaultConfig, LocalOpenAIOptions, TimingConfig } from './config.js';

export interface LocalOpenAI {
  /** e.g. http://127.0.0.1:PORT/v1 — give it to `new OpenAI({ baseURL })`. */
  baseURL: string;
  port: number;
  /** Replaces the fault configuration at runtime (as `POST /v1/_faults` does). */
  setFaults(config: import('./config.js').FaultConfig): void;
  /** Stops jobs (they resume on the next start), releases stalled requests and closes the port. */
  close(): Promise<void>;
}

/** Starts the OpenAI-compatible provider on a loopback port, resuming any interrupted jobs. */
export async function startLocalOpenAI(options: LocalOpenAIOptions): Promise<LocalOpenAI> {
  const resolved = resolveOptions(options);
  ensureDir(resolved.dataDir);
  const files = new FileService(resolved.dataDir);
  const models = new ModelRegistry(resolved.dataDir);
  const faults = new FaultInjector(resolved.faults);
  const jobs = new JobService(resolved, files, models, faults);
  const shutdown = new AbortController();
  const app = buildApp({ files, jobs, models, faults, shutdown: shutdown.signal, log: resolved.log });

  const server: Server = createServer(getRequestListener(app.fetch));
  server.keepAliveTimeout = 5_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  jobs.resumeInterrupted();
  const urlHost = host.includes(':') ? `[${host}]` : host;
  resolved.log(`local OpenAI provider listening on http://${urlHost}:${port}/v1 (data in ${resolved.dataDir})`);

  let closing: Promise<void> | undefined;
  return {
    baseURL: `http://${urlHost}:${port}/v1`,
    port,
    setFaults: (config) => faults.configure(config),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        jobs.close();
        shutdown.abort();
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 100).unref();
      });
      return closing;
    },
  };
}
