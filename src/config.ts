import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { createPriceTable, parsePriceOverrides, type PriceTable } from './services/tokens/prices.js';

/** The only reader of process.env: everything else receives a Config. */

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  MONGODB_URI: optionalString.pipe(z.url().startsWith('mongodb').optional()),
  SLABTUNE_DB_NAME: z.string().regex(/^[A-Za-z0-9_-]{1,60}$/, 'letters, digits, _ and - only').default('slabtune'),
  SLABTUNE_DATA_DIR: z.string().default('.data'),
  SLABTUNE_CACHE_DIR: optionalString,
  SLABTUNE_ADMIN_KEY: optionalString.pipe(
    z.string().regex(/^stk_[A-Za-z0-9_-]{20,}$/, 'must look like stk_ followed by at least 20 characters').optional(),
  ),
  SLABTUNE_PRICES_JSON: optionalString,
  SLABTUNE_MAX_QUERY_DEPTH: z.coerce.number().int().min(2).default(12),
  SLABTUNE_MAX_QUERY_COST: z.coerce.number().int().min(100).default(20_000),
  SLABTUNE_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(2_000_000),
  SLABTUNE_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  SLABTUNE_WATCH_INTERVAL_MS: z.coerce.number().int().min(10).default(1000),
  SLABTUNE_LEASE_MS: z.coerce.number().int().min(100).default(15_000),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(z.url().optional()),
  OPENAI_WEBHOOK_SECRET: optionalString,
  SLABTUNE_OPENAI_TIMEOUT_MS: z.coerce.number().int().min(50).default(60_000),
  /** Pace of the in-process local trainer: the least time between two training steps' events. */
  SLABTUNE_LOCAL_STEP_MS: z.coerce.number().int().min(0).max(10_000).optional(),
  SLABTUNE_OPENAI_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  AZURE_OPENAI_ENDPOINT: optionalString.pipe(z.url().optional()),
  AZURE_OPENAI_API_VERSION: optionalString,
  FINETUNED_CARD_ID_MODEL: optionalString,
  USE_FINETUNED_CARD_ID: bool.default(false),
  FINETUNED_LISTING_MODEL: optionalString,
  USE_FINETUNED_LISTING: bool.default(false),
});

export type Config = ReturnType<typeof loadConfig>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const prices = priceTableOf(e.SLABTUNE_PRICES_JSON);
  const cacheDir = resolve(
    e.SLABTUNE_CACHE_DIR ?? join(env.XDG_CACHE_HOME ?? join(env.HOME ?? homedir(), '.cache'), 'slabtune'),
  );
  return {
    env: e.NODE_ENV,
    production: e.NODE_ENV === 'production',
    host: e.HOST,
    port: e.PORT,
    mongodbUri: e.MONGODB_URI,
    dbName: e.SLABTUNE_DB_NAME,
    dataDir: resolve(e.SLABTUNE_DATA_DIR),
    cacheDir,
    adminKey: e.SLABTUNE_ADMIN_KEY,
    pricesJson: e.SLABTUNE_PRICES_JSON,
    /** The default price table with SLABTUNE_PRICES_JSON merged over it (validated here, at start-up). */
    prices,
    limits: {
      maxDepth: e.SLABTUNE_MAX_QUERY_DEPTH,
      maxCost: e.SLABTUNE_MAX_QUERY_COST,
      maxBodyBytes: e.SLABTUNE_MAX_BODY_BYTES,
    },
    logLevel: e.SLABTUNE_LOG_LEVEL,
    watcher: { intervalMs: e.SLABTUNE_WATCH_INTERVAL_MS, leaseMs: e.SLABTUNE_LEASE_MS },
    openai: {
      apiKey: e.OPENAI_API_KEY,
      baseURL: e.OPENAI_BASE_URL,
      webhookSecret: e.OPENAI_WEBHOOK_SECRET,
      /** Per request to the provider; reads are retried by the SDK up to maxRetries, writes never. */
      timeoutMs: e.SLABTUNE_OPENAI_TIMEOUT_MS,
      maxRetries: e.SLABTUNE_OPENAI_MAX_RETRIES,
      localStepMs: e.SLABTUNE_LOCAL_STEP_MS,
      azureEndpoint: e.AZURE_OPENAI_ENDPOINT,
      azureApiVersion: e.AZURE_OPENAI_API_VERSION,
    },
    seedDeployments: {
      CARD_IDENTIFICATION: { model: e.FINETUNED_CARD_ID_MODEL, enabled: e.USE_FINETUNED_CARD_ID },
      LISTING_GENERATION: { model: e.FINETUNED_LISTING_MODEL, enabled: e.USE_FINETUNED_LISTING },
    },
  };
}

/** SLABTUNE_PRICES_JSON over the default price table; a bad value names the variable. */
function priceTableOf(json: string | undefined): PriceTable {
  if (!json) return createPriceTable();
  try {
    return createPriceTable(parsePriceOverrides(json));
  } catch (err) {
    const detail =
      err instanceof z.ZodError
        ? err.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')
        : err instanceof Error
          ? err.message
          : String(err);
    throw new ConfigError(`invalid environment:\n  SLABTUNE_PRICES_JSON: ${detail}`);
  }
}
