import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../src/gql/index.js';
import { hashKey } from '../../src/services/auth/api-keys.js';
import { codes, startTestApp, wsExec, wsSubscribe, type TestApp } from '../harness.js';
import {
  AddTrainingSample,
  ApiKeys,
  ConfirmScan,
  CreateApiKey,
  ReviewSamples,
  RevokeApiKey,
  SampleById,
  Samples,
  SubmitCorrection,
  TrainingStats,
  Viewer,
} from './documents.js';
import { doncic, scan } from './fixtures.js';

type Role = 'APP' | 'ANALYST' | 'ADMIN';
let t: TestApp;
const keys = {} as Record<Role, string>;
let sampleId: string;
let spareKeyId: string;

beforeAll(async () => {
  t = await startTestApp();
  for (const role of ['APP', 'ANALYST', 'ADMIN'] as const) keys[role] = await t.keyFor(role);
  sampleId = (await t.exec(ConfirmScan, { input: scan() })).data!.confirmScan.sample.id;
  spareKeyId = (await t.exec(CreateApiKey, { input: { name: 'spare', role: 'APP' } })).data!.createApiKey.apiKey.id;
});
afterAll(() => t?.stop());

interface Operation {
  name: string;
  doc: TypedDocumentNode<unknown, never>;
  variables: () => unknown;
  allowed: Role[];
}

const op = <R, V>(name: string, doc: TypedDocumentNode<R, V>, variables: () => V, allowed: Role[]): Operation => ({
  name,
  doc: doc as unknown as TypedDocumentNode<unknown, never>,
  variables,
  allowed,
});

const operations: Operation[] = [
  op('confirmScan', ConfirmScan, () => ({ input: scan() }), ['APP', 'ADMIN']),
  op(
    'submitCorrection',
    SubmitCorrection,
    () => ({ input: { ocrText: `auth ${Math.random()}`, originalPrediction: { ...doncic, year: '2017-18' }, correctedCard: doncic } }),
    ['APP', 'ADMIN'],
  ),
  op('addTrainingSample', AddTrainingSample, () => ({ input: { cardIdentification: { ocrText: `manual ${Math.random()}`, card: doncic } } }), ['APP', 'ANALYST', 'ADMIN']),
  op('reviewSamples', ReviewSamples, () => ({ input: { ids: [sampleId], decision: 'APPROVED' as const } }), ['ANALYST', 'ADMIN']),
  op('samples', Samples, () => ({ first: 1 }), ['ANALYST', 'ADMIN']),
  op('sample', SampleById, () => ({ id: sampleId }), ['ANALYST', 'ADMIN']),
  op('trainingStats', TrainingStats, () => ({}), ['ANALYST', 'ADMIN']),
  op('apiKeys', ApiKeys, () => ({}), ['ADMIN']),
  op('createApiKey', CreateApiKey, () => ({ input: { name: 'matrix', role: 'APP' as const } }), ['ADMIN']),
  op('revokeApiKey', RevokeApiKey, () => ({ id: spareKeyId }), ['ADMIN']),
  op('viewer', Viewer, () => ({}), ['APP', 'ANALYST', 'ADMIN']),
];

const matrix = operations.flatMap((o) => (['APP', 'ANALYST', 'ADMIN'] as const).map((role) => [o.name, role, o] as const));

describe('the role × operation matrix over HTTP', () => {
  it.each(matrix)('%s as %s', async (_name, role, o) => {
    const res = await t.exec(o.doc, o.variables() as never, keys[role]);
    if (o.allowed.includes(role)) expect(res.errors).toBeUndefined();
    else expect(codes(res)).toEqual(['FORBIDDEN']);
  });

  it.each(operations.map((o) => [o.name, o] as const))('%s without a key is UNAUTHENTICATED', async (_name, o) => {
    const res = await t.exec(o.doc, o.variables() as never, null);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('the role × operation matrix over WebSocket', () => {
  it.each(matrix)('%s as %s', async (_name, role, o) => {
    const res = await wsExec(t.ws(keys[role]), o.doc, o.variables() as never);
    if (o.allowed.includes(role)) expect(res.errors).toBeUndefined();
    else expect(codes(res)).toEqual(['FORBIDDEN']);
  });
});

const StatsChanged = graphql(`
  subscription TestStatsChanged {
    trainingStatsChanged {
      totalSamples
    }
  }
`);

describe('subscriptions', () => {
  it('are refused at subscribe time for a role that may not read', async () => {
    const it = wsSubscribe(t.ws(keys.APP), StatsChanged);
    const first = await it.next();
    expect(codes(first.value as never)).toEqual(['FORBIDDEN']);
    await it.return?.();
  });

  it('stream to a role that may read', async () => {
    const it = wsSubscribe(t.ws(keys.ANALYST), StatsChanged);
    const next = it.next();
    // Give the subscription a moment to be registered before the event it should see.
    await new Promise((r) => setTimeout(r, 200));
    await t.exec(ConfirmScan, { input: scan() }, keys.APP);
    const got = await next;
    expect((got.value as { data: { trainingStatsChanged: { totalSamples: number } } }).data.trainingStatsChanged.totalSamples).toBeGreaterThan(0);
    await it.return?.();
  });
});

describe('connecting over WebSocket', () => {
  it('is refused without a key, before any operation', async () => {
    await expect(wsExec(t.ws(null), Viewer)).rejects.toThrow(/4403|Forbidden/i);
  });

  it('is refused with an unknown key', async () => {
    await expect(wsExec(t.ws('stk_unknown_key_that_does_not_exist'), Viewer)).rejects.toThrow(/4403|Forbidden/i);
  });
});

describe('API keys', () => {
  it('are shown once, prefixed, and stored only as a hash', async () => {
    const res = await t.exec(CreateApiKey, { input: { name: 'shown once', role: 'ANALYST' } });
    const { key, apiKey } = res.data!.createApiKey;
    expect(key).toMatch(/^stk_[A-Za-z0-9_-]{40,}$/);
    expect(key.startsWith(apiKey.prefix.replace('…', ''))).toBe(true);
    const stored = await t.app.db.apiKeys.findOne({ name: 'shown once' });
    expect(stored!.hash).toBe(hashKey(key));
    expect(JSON.stringify(stored)).not.toContain(key);
    const listed = await t.exec(ApiKeys);
    expect(JSON.stringify(listed.data)).not.toContain(key);
  });

  it('stop working once revoked, on HTTP and WebSocket', async () => {
    const created = (await t.exec(CreateApiKey, { input: { name: 'to revoke', role: 'ADMIN' } })).data!.createApiKey;
    expect((await t.exec(Viewer, {}, created.key)).data!.viewer.role).toBe('ADMIN');
    const revoked = await t.exec(RevokeApiKey, { id: created.apiKey.id });
    expect(revoked.data!.revokeApiKey.active).toBe(false);
    expect(codes(await t.exec(Viewer, {}, created.key))).toEqual(['UNAUTHENTICATED']);
    await expect(wsExec(t.ws(created.key), Viewer)).rejects.toThrow(/4403|Forbidden/i);
  });

  it('revoking an unknown key is NOT_FOUND', async () => {
    const id = Buffer.from('ApiKey:000000000000000000000000').toString('base64');
    expect(codes(await t.exec(RevokeApiKey, { id }))).toEqual(['NOT_FOUND']);
  });

  it('a malformed Authorization header is UNAUTHENTICATED', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic abc' },
      body: JSON.stringify({ query: '{ viewer { id } }' }),
    });
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });
});
