import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { decodeGlobalID } from '@pothos/plugin-relay';
import type { DatasetFileDoc } from './db/documents.js';
import type { ErrorCode } from './errors.js';
import type { Logger } from './logger.js';
import { bearerToken, type Route } from './server.js';
import type { Services } from './services/services.js';

/**
 * `GET /datasets/:id/:split.jsonl` (split: train, validation, test): a dataset file streamed from
 * GridFS, for ANALYST and ADMIN keys (`Authorization: Bearer stk_…`). `:id` is the Dataset's
 * global id (as in `downloadUrl`) or its raw id. Content-Length is the file's size and the ETag
 * its sha256 (also in X-Content-SHA256); `If-None-Match` with it answers 304. Errors are JSON in
 * the GraphQL error shape, with the same codes.
 */

const SPLIT: Record<string, DatasetFileDoc['split']> = { train: 'TRAIN', validation: 'VALIDATION', test: 'TEST' };

function fail(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  res.writeHead(status, {
    'content-type': 'application/json',
    ...(status === 401 ? { 'www-authenticate': 'Bearer' } : {}),
  });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/** The raw dataset id of a path segment: a Dataset global id, or the raw id itself. */
function datasetIdOf(segment: string): string | null {
  let value: string;
  try {
    value = decodeURIComponent(segment);
  } catch {
    return null;
  }
  try {
    const decoded = decodeGlobalID(value);
    if (decoded.typename === 'Dataset') return decoded.id;
  } catch {
    // not a global id
  }
  return /^[A-Za-z0-9_-]{1,64}$/.test(value) ? value : null;
}

export function datasetDownloadRoute(services: Services, logger: Logger): Route {
  return {
    method: 'GET',
    pattern: /^\/datasets\/(?<id>[^/]+)\/(?<split>train|validation|test)\.jsonl$/,
    handler: async (req, res, params) => {
      const token = bearerToken(req.headers.authorization);
      const caller = token ? await services.apiKeys.authenticate(token) : null;
      if (!caller) return fail(res, 401, 'UNAUTHENTICATED', 'an API key is required: send Authorization: Bearer stk_…');
      if (caller.role !== 'ANALYST' && caller.role !== 'ADMIN') {
        return fail(res, 403, 'FORBIDDEN', `the ${caller.role} role may not download datasets`);
      }
      const id = datasetIdOf(params.id ?? '');
      const opened = id ? await services.datasets.openFile(id, SPLIT[params.split ?? '']!) : null;
      if (!opened) return fail(res, 404, 'NOT_FOUND', `dataset file ${params.id}/${params.split}.jsonl not found`);
      const { file } = opened;
      const etag = `"${file.sha256}"`;
      const common = { etag, 'x-content-sha256': file.sha256, 'cache-control': 'private, no-cache' };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, common);
        res.end();
        return;
      }
      res.writeHead(200, {
        ...common,
        'content-type': 'application/jsonl; charset=utf-8',
        'content-length': String(file.bytes),
        'content-disposition': `attachment; filename="${file.filename}"`,
      });
      try {
        await pipeline(opened.stream(), res);
      } catch (err) {
        // Headers are gone: the client sees a body shorter than Content-Length, never a silent truncation.
        logger.error('dataset download failed', { err, datasetId: id, split: file.split });
        res.destroy();
      }
    },
  };
}
