import { readFileSync } from 'node:fs';
import { print } from 'graphql';
import type { Route } from '../server.js';
import { DashboardQuery, JobLossQuery } from './documents.js';

/**
 * `GET /dashboard`: a page that is a client of the GraphQL API, as the CLI is. The page and its
 * assets carry no data and need no key; the page asks for an API key and every number it shows
 * comes from the API with it. Scripts and styles load from this origin only (no inline code), so
 * the Content-Security-Policy can forbid everything else.
 */

const asset = (name: string) => readFileSync(new URL(`./assets/${name}`, import.meta.url));

const ASSETS: Record<string, { type: string; body: Buffer }> = {
  '': { type: 'text/html; charset=utf-8', body: asset('index.html') },
  'app.js': { type: 'text/javascript; charset=utf-8', body: asset('app.js') },
  'style.css': { type: 'text/css; charset=utf-8', body: asset('style.css') },
  'documents.json': { type: 'application/json', body: Buffer.from(JSON.stringify({ Dashboard: print(DashboardQuery), JobLoss: print(JobLossQuery) })) },
};

const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

export function dashboardRoute(): Route {
  return {
    method: 'GET',
    pattern: /^\/dashboard(?:\/(?<asset>app\.js|style\.css|documents\.json)?)?$/,
    handler: async (_req, res, params) => {
      const { type, body } = ASSETS[params.asset ?? '']!;
      res.writeHead(200, { 'content-type': type, 'content-length': String(body.length), ...SECURITY_HEADERS });
      res.end(body);
    },
  };
}
