import { startApp } from './app.js';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const app = await startApp(config, logger);
  logger.info('slabtune API listening', { url: `${app.url}/graphql`, graphiql: !config.production });
  if (app.createdAdminKey) {
    // Deliberately on stdout and outside the logger (which redacts keys): shown once, never again.
    process.stdout.write(
      `\nNo admin key was configured, so one was created. It is shown only this once:\n\n  ${app.createdAdminKey}\n\n` +
        `Use it as "Authorization: Bearer <key>", or set SLABTUNE_ADMIN_KEY to choose your own.\n\n`,
    );
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    app.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`slabtune failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
