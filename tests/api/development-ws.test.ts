import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startTestApp, wsExec, type TestApp } from '../harness.js';
import { Viewer } from './documents.js';

/** GraphiQL sends its headers with each operation, not as connectionParams: allowed in development only. */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ NODE_ENV: 'development' });
});
afterAll(() => t?.stop());

function viewerWithHeaders(headers: Record<string, string>) {
  return new Promise<{ errors?: readonly { extensions?: Record<string, unknown> }[]; data?: unknown }>((resolve, reject) => {
    let result: { errors?: readonly { extensions?: Record<string, unknown> }[]; data?: unknown } | undefined;
    t.ws(null).subscribe(
      { query: '{ viewer { role } }', extensions: { headers } },
      { next: (r) => (result = r), error: reject, complete: () => resolve(result!) },
    );
  });
}

describe('WebSocket in development (GraphiQL)', () => {
  it('authenticates an operation by the headers it carries', async () => {
    const res = await viewerWithHeaders({ Authorization: `Bearer ${t.adminKey}` });
    expect(res.data).toEqual({ viewer: { role: 'ADMIN' } });
  });

  it('answers an operation without credentials with UNAUTHENTICATED', async () => {
    expect(codes((await viewerWithHeaders({})) as never)).toEqual(['UNAUTHENTICATED']);
  });

  it('still refuses wrong credentials at connect', async () => {
    await expect(wsExec(t.ws('stk_wrong_key_000000000000000000'), Viewer)).rejects.toThrow(/4403|Forbidden/i);
  });
});
