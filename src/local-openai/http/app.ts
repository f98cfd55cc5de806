import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { completionChunks, complete, parseChatRequest } from '../chat.js';
import type { FaultConfig } from '../config.js';
import { invalidRequest, missingParameter, OpenAIHttpError } from '../errors.js';
import type { FaultInjector } from '../faults.js';
import { FILE_PURPOSES, type FileService } from '../files.js';
import type { JobService } from '../jobs.js';
import type { ModelRegistry } from '../models.js';
import { paginate } from '../pagination.js';

/**
 * The routes of the OpenAI-compatible API under /v1. Handlers only translate HTTP to the
 * services (files, jobs, models, chat) and back; every error leaves as OpenAI's error body.
 */

export interface AppServices {
  files: FileService;
  jobs: JobService;
  models: ModelRegistry;
  faults: FaultInjector;
  /** Aborted when the provider shuts down, releasing stalled requests. */
  shutdown: AbortSignal;
  log: (line: string) => void;
}

async function jsonBody(c: Context): Promise<unknown> {
  const raw = await c.req.text();
  if (!raw.trim()) return {};
  try {
    return JSON.parse(raw);
  } catch {
    throw invalidRequest(
      'We could not parse the JSON body of your request. (HINT: This likely means you aren\'t using your HTTP library correctly. The OpenAI API expects a JSON payload.)',
    );
  }
}

/** `metadata[k]=v` pairs of the query; `metadata=null` asks for jobs without metadata. */
function metadataFilter(url: URL): Record<string, string> | null | undefined {
  if (url.searchParams.get('metadata') === 'null') return null;
  let filter: Record<string, string> | undefined;
  for (const [key, value] of url.searchParams) {
    const m = /^metadata\[(.+)\]$/.exec(key);
    if (m) (filter ??= {})[m[1]!] = value;
  }
  return filter;
}

function waitFor(ms: number, signals: AbortSignal[]): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      for (const s of signals) s.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    for (const s of signals) s.addEventListener('abort', done, { once: true });
  });
}

export function buildApp(services: AppServices): Hono {
  const { files, jobs, models, faults } = services;
  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof OpenAIHttpError) {
      for (const [k, v] of Object.entries(error.headers)) c.header(k, v);
      return c.json(error.body(), error.status as 400);
    }
    services.log(`unexpected error on ${c.req.method} ${c.req.path}: ${error instanceof Error ? error.stack : String(error)}`);
    return c.json({ error: { message: 'The server had an error while processing your request.', type: 'server_error', param: null, code: null } }, 500);
  });

  app.notFound((c) => c.json({ error: { message: `Invalid URL (${c.req.method} ${c.req.path})`, type: 'invalid_request_error', param: null, code: null } }, 404));

  app.get('/health', (c) => c.json({ ok: true }));

  app.use('/v1/*', async (c, next) => {
    const auth = c.req.header('authorization');
    if (!auth || !/^Bearer\s+\S+/i.test(auth)) {
      throw new OpenAIHttpError(401, "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", 'invalid_request_error', null, null);
    }
    const path = c.req.path.slice(3);
    if (path.startsWith('/_faults')) return next();
    const fault = faults.nextRequestFault(path);
    if (fault === 'stall') {
      await waitFor(faults.stallMs, [c.req.raw.signal, services.shutdown]);
      // The client gave up (or the provider is closing): nobody reads the answer, do no work.
      if (c.req.raw.signal.aborted || services.shutdown.aborted) return c.body(null, 503);
    } else if (fault !== 'ok') {
      throw faults.errorFor(fault);
    }
    return next();
  });

  app.get('/v1/_faults', (c) => c.json({ config: faults.current(), injected: faults.injected }));
  app.post('/v1/_faults', async (c) => {
    const body = await jsonBody(c);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalidRequest('The fault configuration must be a JSON object.');
    faults.configure(body as FaultConfig);
    return c.json({ config: faults.current(), injected: faults.injected });
  });

  // Files
  app.post('/v1/files', async (c) => {
    let form: FormData;
    try {
      form = await c.req.raw.formData();
    } catch {
      throw invalidRequest('The request must be multipart/form-data with a file and a purpose.');
    }
    const purpose = form.get('purpose');
    const file = form.get('file');
    if (typeof purpose !== 'string' || !purpose) throw missingParameter('purpose');
    if (!(FILE_PURPOSES as readonly string[]).includes(purpose) || purpose === 'fine-tune-results') {
      throw invalidRequest(`'${purpose}' is not one of ['fine-tune', 'assistants', 'batch', 'user_data', 'vision', 'evals'] - 'purpose'`, 'purpose', 'invalid_value');
    }
    if (!file || typeof file === 'string') throw missingParameter('file');
    const content = new Uint8Array(await file.arrayBuffer());
    return c.json(files.create(file.name || 'upload', purpose, content));
  });
  app.get('/v1/files', (c) => {
    const order = c.req.query('order') ?? 'desc';
    if (order !== 'asc' && order !== 'desc') throw invalidRequest(`Invalid 'order': expected 'asc' or 'desc'.`, 'order', 'invalid_value');
    const list = files.list(c.req.query('purpose'));
    if (order === 'asc') list.reverse();
    return c.json(paginate(list, { after: c.req.query('after'), limit: c.req.query('limit') }, { limit: 10_000, max: 10_000 }));
  });
  app.get('/v1/files/:id', (c) => c.json(files.get(c.req.param('id'))));
  app.delete('/v1/files/:id', (c) => c.json(files.delete(c.req.param('id'))));
  app.get('/v1/files/:id/content', (c) => {
    const data = files.content(c.req.param('id'));
    return c.body(new Uint8Array(data), 200, { 'content-type': 'application/octet-stream' });
  });

  // Fine-tuning jobs
  app.post('/v1/fine_tuning/jobs', async (c) => c.json(jobs.create(await jsonBody(c))));
  app.get('/v1/fine_tuning/jobs', (c) =>
    c.json(jobs.list({ after: c.req.query('after'), limit: c.req.query('limit'), metadata: metadataFilter(new URL(c.req.url)) })),
  );
  app.get('/v1/fine_tuning/jobs/:id', (c) => c.json(jobs.get(c.req.param('id'))));
  app.post('/v1/fine_tuning/jobs/:id/cancel', (c) => c.json(jobs.cancel(c.req.param('id'))));
  app.post('/v1/fine_tuning/jobs/:id/pause', (c) => c.json(jobs.pause(c.req.param('id'))));
  app.post('/v1/fine_tuning/jobs/:id/resume', (c) => c.json(jobs.resume(c.req.param('id'))));
  app.get('/v1/fine_tuning/jobs/:id/events', (c) => c.json(jobs.events(c.req.param('id'), { after: c.req.query('after'), limit: c.req.query('limit') })));
  app.get('/v1/fine_tuning/jobs/:id/checkpoints', (c) =>
    c.json(jobs.checkpoints(c.req.param('id'), { after: c.req.query('after'), limit: c.req.query('limit') })),
  );

  // Models
  app.get('/v1/models', (c) => c.json({ object: 'list', data: models.list() }));
  app.get('/v1/models/:id', (c) => c.json(models.retrieve(c.req.param('id'))));
  app.delete('/v1/models/:id', (c) => c.json(models.delete(c.req.param('id'))));

  // Chat completions
  app.post('/v1/chat/completions', async (c) => {
    const request = parseChatRequest(await jsonBody(c));
    const completion = complete(models, request);
    if (!request.stream) return c.json(completion);
    return streamSSE(c, async (stream) => {
      for (const chunk of completionChunks(completion, request.includeUsage)) await stream.writeSSE({ data: JSON.stringify(chunk) });
      await stream.writeSSE({ data: '[DONE]' });
    });
  });

  return app;
}
