import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../src/gql/index.js';
import { codes, startTestApp, wsExec, type TestApp } from '../harness.js';

const Stats = graphql(`
  query SmokeStats {
    trainingStats {
      totalSamples
    }
  }
`);

describe('the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.stop());

  it('answers healthz with the database status', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: true });
  });

  it('answers an authenticated query over HTTP and WebSocket alike', async () => {
    const http = await t.exec(Stats);
    expect(http.data?.trainingStats.totalSamples).toBe(0);
    const ws = await wsExec(t.ws(), Stats);
    expect(ws.data?.trainingStats.totalSamples).toBe(0);
  });

  it('refuses a request without a key with UNAUTHENTICATED', async () => {
    expect(codes(await t.exec(Stats, {}, null))).toEqual(['UNAUTHENTICATED']);
  });
});
