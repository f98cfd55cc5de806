import { NotFoundError, BadRequestError, AuthenticationError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, upload, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('files', () => {
  it('uploads a fine-tune file and returns an OpenAI file object', async () => {
    const file = await upload(h.client, '{"messages":[]}\n', 'a.jsonl');
    expect(file).toMatchObject({ object: 'file', purpose: 'fine-tune', filename: 'a.jsonl', bytes: 16, status: 'processed' });
    expect(file.id).toMatch(/^file-[A-Za-z0-9]{22}$/);
    expect(await h.client.files.retrieve(file.id)).toEqual(file);
  });

  it('serves the uploaded bytes back as the file content', async () => {
    const file = await upload(h.client, 'line one\nline two\n');
    const response = await h.client.files.content(file.id);
    expect(await response.text()).toBe('line one\nline two\n');
  });

  it('lists files newest first with after/limit cursor pages', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await upload(h.client, `${i}\n`, `page-${i}.jsonl`)).id);
    const first = await h.client.files.list({ limit: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.has_more).toBe(true);
    expect(first.data.map((f) => f.id)).toEqual([ids[4], ids[3]]);
    const second = await first.getNextPage();
    expect(second.data.map((f) => f.id)).toEqual([ids[2], ids[1]]);
    const all: string[] = [];
    for await (const file of h.client.files.list({ limit: 3 })) all.push(file.id);
    expect(all.slice(0, 5)).toEqual([...ids].reverse());
  });

  it('filters the list by purpose', async () => {
    const list = await h.client.files.list({ purpose: 'assistants' });
    expect(list.data).toEqual([]);
    expect(list.has_more).toBe(false);
  });

  it('deletes a file, after which it is a 404', async () => {
    const file = await upload(h.client, 'x\n');
    expect(await h.client.files.delete(file.id)).toEqual({ id: file.id, object: 'file', deleted: true });
    const error = await h.client.files.retrieve(file.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).error).toMatchObject({ type: 'invalid_request_error', code: null });
    await expect(h.client.files.content(file.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('rejects an upload without a valid purpose with a 400 naming purpose', async () => {
    const error = await h.client.files
      .create({ file: new File(['x'], 'x.jsonl'), purpose: 'nonsense' as 'fine-tune' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).param).toBe('purpose');
  });

  it('answers an unknown route with a 404 error body', async () => {
    const error = await h.client.get('/no/such/route').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).error).toMatchObject({ type: 'invalid_request_error', param: null, code: null });
  });

  it('rejects a request without an API key with a 401', async () => {
    const response = await fetch(`${h.provider.baseURL}/files`);
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { type: string } };
    expect(body.error.type).toBe('invalid_request_error');
    expect(AuthenticationError).toBeDefined();
  });
});
