import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildHTTPExecutor } from '@graphql-tools/executor-http';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type ExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { inject } from 'vitest';
import WebSocket from 'ws';
import { startApp, type App } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Role } from '../src/db/documents.js';
import { createLogger } from '../src/logger.js';

/**
 * Starts the real API on a free port against the shared embedded database, in a database of
 * its own, and hands out typed HTTP and graphql-ws clients.
 */

export interface TestApp {
  app: App;
  url: string;
  adminKey: string;
  /** A fresh key of the role (created through the API). */
  keyFor(role: Role): Promise<string>;
  exec<R, V>(doc: TypedDocumentNode<R, V>, variables?: V, key?: string | null): Promise<ExecutionResult<R>>;
  ws(key?: string | null): Client;
  /** Collects the next `n` results of a subscription. */
  stop(): Promise<void>;
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const adminKey = `stk_test_${randomBytes(16).toString('hex')}`;
  const dbName = `t_${randomBytes(6).toString('hex')}`;
  // The in-process local OpenAI provider keeps its files here; never in the repository's .data.
  const dataDir = mkdtempSync(join(tmpdir(), 'slabtune-test-'));
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    PORT: '0',
    MONGODB_URI: inject('mongodbUri'),
    SLABTUNE_DB_NAME: dbName,
    SLABTUNE_ADMIN_KEY: adminKey,
    SLABTUNE_LOG_LEVEL: 'error',
    SLABTUNE_DATA_DIR: dataDir,
    ...env,
  });
  const app = await startApp(config, createLogger(config.logLevel));
  const endpoint = `${app.url}/graphql`;
  const clients: Client[] = [];

  const exec = async <R, V>(doc: TypedDocumentNode<R, V>, variables?: V, key: string | null = adminKey) => {
    const executor = buildHTTPExecutor({
      endpoint,
      headers: key ? { authorization: `Bearer ${key}` } : {},
    });
    return (await executor({
      document: doc as TypedDocumentNode<R, Record<string, unknown>>,
      variables: variables as Record<string, unknown>,
    })) as ExecutionResult<R>;
  };

  const createKey = async (role: Role) => {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` },
      body: JSON.stringify({
        query: 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }',
        variables: { input: { name: `test ${role}`, role } },
      }),
    });
    const body = (await res.json()) as { data?: { createApiKey: { key: string } }; errors?: unknown };
    if (!body.data) throw new Error(`createApiKey failed: ${JSON.stringify(body.errors)}`);
    return body.data.createApiKey.key;
  };

  return {
    app,
    url: app.url,
    adminKey,
    keyFor: createKey,
    exec,
    ws(key: string | null = adminKey) {
      const client = createClient({
        url: endpoint.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: key ? { authorization: `Bearer ${key}` } : {},
        retryAttempts: 0,
        lazy: true,
      });
      clients.push(client);
      return client;
    },
    async stop() {
      await Promise.all(clients.map((c) => c.dispose()));
      await app.services.db.db.dropDatabase().catch(() => undefined);
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs a single-result operation over graphql-ws. */
export function wsExec<R, V>(client: Client, doc: TypedDocumentNode<R, V>, variables?: V): Promise<ExecutionResult<R>> {
  return new Promise((resolve, reject) => {
    let result: ExecutionResult<R> | undefined;
    client.subscribe<R>(
      { query: print(doc), variables: variables as Record<string, unknown> },
      {
        next: (r) => (result = r as ExecutionResult<R>),
        error: (err) => reject(asError(err)),
        complete: () => (result ? resolve(result) : reject(new Error('completed without a result'))),
      },
    );
  });
}

/** Subscribes and returns an async iterator over results, plus a way to stop. */
export function wsSubscribe<R, V>(client: Client, doc: TypedDocumentNode<R, V>, variables?: V) {
  return client.iterate<R>({ query: print(doc), variables: variables as Record<string, unknown> });
}

/** The `extensions.code` of each error, for assertions that do not depend on wording. */
export const codes = (res: ExecutionResult<unknown>) => (res.errors ?? []).map((e) => e.extensions?.code);

/** graphql-ws reports a refused connection as a CloseEvent, whose fields JSON.stringify cannot see. */
function asError(err: unknown): Error {
  if (err instanceof Error) return err;
  if (err && typeof err === 'object' && 'code' in err) {
    const e = err as { code: number; reason?: string };
    return new Error(`socket closed ${e.code} ${e.reason ?? ''}`.trim());
  }
  return new Error(JSON.stringify(err));
}
