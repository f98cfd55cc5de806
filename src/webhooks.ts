import type { IncomingMessage } from 'node:http';
import type { Logger } from './logger.js';
import type { Route } from './server.js';
import { ProviderError } from './services/providers/types.js';
import type { Services } from './services/services.js';

/**
 * `POST /webhooks/openai`: OpenAI's job webhooks (signed per Standard Webhooks; verified with
 * the SDK and OPENAI_WEBHOOK_SECRET). A verified job event makes the watcher poll that job now.
 * Registered only when a secret is configured.
 */

async function readBody(req: IncomingMessage, maxBytes: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).byteLength;
    if (size > maxBytes) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function openaiWebhookRoute(services: Services, secret: string, maxBytes: number, logger: Logger): Route {
  return {
    method: 'POST',
    pattern: /^\/webhooks\/openai$/,
    handler: async (req, res) => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const body = await readBody(req, maxBytes);
      if (body === null) return reply(413, { error: 'payload too large' });
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      try {
        const jobId = await services.fineTuning.onWebhook(body, headers, secret);
        reply(200, { received: true, refreshed: jobId !== null });
      } catch (err) {
        if (err instanceof ProviderError && err.kind === 'bad_request') return reply(400, { error: 'invalid webhook signature' });
        logger.warn('webhook handling failed', { err });
        reply(500, { error: 'webhook handling failed' });
      }
    },
  };
}
