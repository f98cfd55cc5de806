import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type ExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** The CLI's connection to the API: typed documents over HTTP, subscriptions over graphql-ws. */

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface ApiClient {
  url: string;
  request<R, V>(doc: TypedDocumentNode<R, V>, variables?: V): Promise<R>;
  subscribe<R, V>(doc: TypedDocumentNode<R, V>, variables?: V): AsyncIterableIterator<ExecutionResult<R>>;
  /** A plain authenticated GET (file downloads). */
  get(path: string): Promise<Response>;
  close(): Promise<void>;
}

function toApiError(errors: readonly { message: string; extensions?: Record<string, unknown> }[]): ApiError {
  const first = errors[0]!;
  return new ApiError(first.message, first.extensions?.code as string | undefined, first.extensions ?? {});
}

export function createApiClient(baseUrl: string, apiKey: string | undefined): ApiClient {
  const url = baseUrl.replace(/\/+$/, '').replace(/\/graphql$/, '');
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  let ws: Client | null = null;

  return {
    url,
    async request(doc, variables) {
      let res: Response;
      try {
        res = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ query: print(doc), variables }),
        });
      } catch (err) {
        throw new ApiError(`cannot reach the slabtune API at ${url} (${(err as Error).message})`, 'UNREACHABLE');
      }
      const body = (await res.json().catch(() => null)) as ExecutionResult<never> | null;
      if (!body) throw new ApiError(`the API answered HTTP ${res.status} without a GraphQL body`, 'UPSTREAM_ERROR');
      if (body.errors?.length) throw toApiError(body.errors);
      return body.data as never;
    },
    subscribe(doc, variables) {
      ws ??= createClient({
        url: `${url.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
        retryAttempts: 5,
        shouldRetry: () => true,
      });
      return ws.iterate({ query: print(doc), variables: variables as Record<string, unknown> }) as AsyncIterableIterator<
        ExecutionResult<never>
      >;
    },
    get(path) {
      return fetch(`${url}${path}`, { headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {} });
    },
    async close() {
      await ws?.dispose();
    },
  };
}

export function unwrap<R>(result: ExecutionResult<R>): R {
  if (result.errors?.length) throw toApiError(result.errors);
  return result.data as R;
}
