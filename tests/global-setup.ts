import { homedir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedServer } from '../src/db/embedded-server.js';
import { createLogger } from '../src/logger.js';

/**
 * One embedded MongoDB-compatible server for the whole run (built once into the cache when
 * missing); every test file works in databases of its own on it. MONGODB_URI overrides it.
 */
export default async function setup(project: TestProject) {
  if (process.env.MONGODB_URI) {
    project.provide('mongodbUri', process.env.MONGODB_URI);
    return;
  }
  const cacheDir =
    process.env.SLABTUNE_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(process.env.HOME ?? homedir(), '.cache'), 'slabtune');
  const started = Date.now();
  const server = await startEmbeddedServer({ cacheDir, logger: createLogger('info', { component: 'test-db' }) });
  process.stderr.write(`test database: ${server.kind} ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  project.provide('mongodbUri', server.uri);
  return () => server.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    mongodbUri: string;
  }
}
