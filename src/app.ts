import { join } from 'node:path';
import type { Config } from './config.js';
import { connectDatabase, type Database } from './db/database.js';
import { startEmbeddedServer, type EmbeddedServer } from './db/embedded-server.js';
import { ensureIndexes } from './db/indexes.js';
import type { Logger } from './logger.js';
import { buildSchema } from './schema/index.js';
import { createHttpApp, type Route } from './server.js';
import { bootstrapAdminKey } from './services/auth/bootstrap.js';
import { createServices, type Services } from './services/services.js';
import { startLocalOpenAI, type LocalOpenAI } from './local-openai/server.js';
import { OpenAIProvider } from './services/providers/openai.js';
import { providerSettings, usesLocalProvider } from './services/providers/settings.js';
import { openaiWebhookRoute } from './webhooks.js';
import { dashboardRoute } from './dashboard/route.js';
import { datasetDownloadRoute } from './dataset-download.js';

/** Wires config → database → services → HTTP/WebSocket server. One place, no side effects on import. */

export interface App {
  url: string;
  port: number;
  services: Services;
  db: Database;
  /** The key printed at first start in development, when no admin key was configured. */
  createdAdminKey: string | null;
  /** The in-process OpenAI-compatible provider, when no OPENAI_API_KEY is configured. */
  localOpenAI: LocalOpenAI | null;
  stop(): Promise<void>;
}

export async function startApp(config: Config, logger: Logger): Promise<App> {
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const fn of cleanups.reverse()) await fn().catch((err: unknown) => logger.error('shutdown step failed', { err }));
    cleanups.length = 0;
  };
  try {
    let uri = config.mongodbUri;
    if (!uri) {
      const embedded: EmbeddedServer = await startEmbeddedServer({
        cacheDir: config.cacheDir,
        dataDir: join(config.dataDir, 'db'),
        logger,
      });
      cleanups.push(() => embedded.stop());
      uri = embedded.uri;
      logger.info('embedded database started', { kind: embedded.kind, dataDir: join(config.dataDir, 'db') });
    }
    const db = await connectDatabase(uri, config.dbName);
    cleanups.push(() => db.close());
    await ensureIndexes(db);

    // No OpenAI key: the local provider, in-process, reached through the SDK over HTTP all the same.
    let localOpenAI: LocalOpenAI | null = null;
    if (usesLocalProvider(config)) {
      const local = await startLocalOpenAI({
        dataDir: join(config.dataDir, 'local-openai'),
        port: 0,
        ...(config.openai.localStepMs === undefined ? {} : { timing: { minStepMs: config.openai.localStepMs } }),
      });
      localOpenAI = local;
      cleanups.push(() => local.close());
      logger.info('local OpenAI-compatible provider started', { baseURL: local.baseURL });
    }
    const provider = new OpenAIProvider(providerSettings(config, localOpenAI?.baseURL));
    const services = createServices({ db, config, logger, provider });
    const createdAdminKey = await bootstrapAdminKey(services.apiKeys, config);

    const routes: Route[] = [
      {
        method: 'GET',
        pattern: /^\/healthz$/,
        handler: async (_req, res) => {
          const ok = await db.db.command({ ping: 1 }).then(
            () => true,
            () => false,
          );
          res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ status: ok ? 'ok' : 'unavailable', database: ok }));
        },
      },
    ];
    routes.push(datasetDownloadRoute(services, logger), dashboardRoute());
    if (config.openai.webhookSecret) {
      routes.push(openaiWebhookRoute(services, config.openai.webhookSecret, config.limits.maxBodyBytes, logger));
    }
    services.watcher.start();
    cleanups.push(() => services.watcher.stop());
    const http = createHttpApp({ schema: buildSchema(), services, config, logger, routes });
    const { port, url } = await http.listen(config.port, config.host);
    cleanups.push(() => http.close());
    return { url, port, services, db, createdAdminKey, localOpenAI, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
