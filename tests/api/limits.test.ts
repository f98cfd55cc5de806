import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ NODE_ENV: 'production', SLABTUNE_MAX_BODY_BYTES: '20000' });
});
afterAll(() => t?.stop());

async function post(body: string, key: string | null = t.adminKey) {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body,
  });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

describe('query limits', () => {
  it('refuse a query with too many aliases', async () => {
    const fields = Array.from({ length: 40 }, (_, i) => `a${i}: viewer { id }`).join(' ');
    const { body } = await post(JSON.stringify({ query: `{ ${fields} }` }));
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('refuse a query with too many tokens', async () => {
    const { body } = await post(JSON.stringify({ query: `{ viewer { ${'id '.repeat(5100)} } }` }));
    expect(body.errors?.[0]?.message).toMatch(/token/i);
  });

  it('refuse a body over the size limit with 413', async () => {
    const { status, body } = await post(JSON.stringify({ query: '{ viewer { id } }', variables: { pad: 'x'.repeat(30_000) } }));
    expect(status).toBe(413);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuse a chunked body, whose size is not known before it is read, with 411', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminKey}` } }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      // Two writes without a Content-Length: node sends Transfer-Encoding: chunked.
      req.write('{"query":');
      req.end('"{ viewer { id } }"}');
    });
    expect(status.status).toBe(411);
    expect(JSON.parse(status.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('in production', () => {
  it('masks unexpected errors without a stack trace or the original message', async () => {
    // Closing the database client turns the next query into an unexpected failure.
    await t.app.db.client.close();
    const { body } = await post(JSON.stringify({ query: '{ trainingStats { totalSamples } }' }));
    expect(body.errors?.[0]?.message).toBe('Unexpected error.');
    expect(JSON.stringify(body)).not.toMatch(/stack|MongoClient|mongodb/i);
  });

  it('serves no GraphiQL', async () => {
    const res = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await res.text()).not.toContain('<html');
  });
});
