import { Script } from 'node:vm';
import { parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema } from '../../src/schema/index.js';
import { startTestApp, type TestApp } from '../harness.js';
import { AddTrainingSample } from './documents.js';
import { doncic } from './fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

async function graphqlPost(query: string, variables: Record<string, unknown>, key: string | null) {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: Record<string, any> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

describe('the dashboard page', () => {
  it('is served with its assets, scripts from this origin only', async () => {
    const page = await fetch(`${t.url}/dashboard`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const html = await page.text();
    expect(html).toContain('src="/dashboard/app.js"');
    expect(html).not.toMatch(/<script>[^<]/);
    const app = await fetch(`${t.url}/dashboard/app.js`);
    expect(app.headers.get('content-type')).toMatch(/javascript/);
    // The browser script at least parses.
    const source = await app.text();
    expect(() => new Script(source)).not.toThrow();
    expect((await fetch(`${t.url}/dashboard/style.css`)).headers.get('content-type')).toMatch(/text\/css/);
    expect((await fetch(`${t.url}/dashboard/nothing.js`)).status).toBe(404);
  });

  it("runs documents the schema accepts, with the viewer's key, and shows the API's numbers", async () => {
    const documents = (await (await fetch(`${t.url}/dashboard/documents.json`)).json()) as { Dashboard: string; JobLoss: string };
    for (const query of Object.values(documents)) expect(validate(buildSchema(), parse(query))).toEqual([]);

    // Without a key the API, not the page, refuses.
    const anonymous = await graphqlPost(documents.Dashboard, {}, null);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const added = await t.exec(AddTrainingSample, { input: { cardIdentification: { ocrText: 'dashboard 1', card: doncic } } });
    expect(added.errors).toBeUndefined();
    const analyst = await t.keyFor('ANALYST');
    const { data, errors } = await graphqlPost(documents.Dashboard, {}, analyst);
    expect(errors).toBeUndefined();
    expect(data!.viewer.role).toBe('ANALYST');
    expect(data!.trainingStats.totalSamples).toBe(1);
    expect(data!.trainingStats.readiness.map((r: { task: string }) => r.task).sort()).toEqual(['CARD_IDENTIFICATION', 'LISTING_GENERATION']);
    expect(data!.jobs.edges).toEqual([]);

    const loss = await graphqlPost(documents.JobLoss, { id: 'RmluZVR1bmluZ0pvYjowMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDA=' }, analyst);
    expect(loss.errors).toBeUndefined();
    expect(loss.data!.job).toBeNull();
  });
});
