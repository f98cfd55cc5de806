import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { createYoga, type YogaInitialContext } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import type { Config } from './config.js';
import { clientError } from './errors.js';
import type { Logger } from './logger.js';
import { maskError } from './plugins/mask-error.js';
import type { Context } from './schema/context.js';
import type { Caller } from './services/auth/api-keys.js';
import type { Services } from './services/services.js';

/** yoga over HTTP and graphql-ws on the same port and path, sharing one context factory. */

export interface Route {
  method: 'GET' | 'POST';
  /** Matched against the path; named groups become params. */
  pattern: RegExp;
  handler: (req: IncomingMessage, res: ServerResponse, params: Record<string, string>) => Promise<void>;
}

export interface HttpApp {
  server: Server;
  listen(port: number, host: string): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
}

/** `Authorization: Bearer stk_…`; on WebSocket the same value in connectionParams. */
export function bearerToken(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^Bearer\s+(\S+)$/i.exec(value.trim());
  return m ? m[1]! : null;
}

function connectionToken(params: Readonly<Record<string, unknown>> | undefined): string | null {
  if (!params) return null;
  const headers = (params.headers ?? {}) as Record<string, unknown>;
  const raw = params.authorization ?? params.Authorization ?? headers.authorization ?? headers.Authorization;
  if (typeof raw === 'string' && !raw.includes(' ')) return raw;
  return bearerToken(raw) ?? (typeof params.apiKey === 'string' ? params.apiKey : null);
}

type WsExtra = {
  request: IncomingMessage;
  caller?: Caller;
};

export function createHttpApp(opts: {
  schema: GraphQLSchema;
  services: Services;
  config: Config;
  logger: Logger;
  routes: Route[];
}): HttpApp {
  const { services, config, logger } = opts;

  const yoga = createYoga<{ caller?: Caller | null }, Context>({
    schema: opts.schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // The GraphiQL bundle is served from node_modules, so it works without internet access.
    renderGraphiQL,
    graphiql: config.production
      ? false
      : {
          subscriptionsProtocol: 'WS',
          title: 'slabtune',
          headers: JSON.stringify({ Authorization: 'Bearer stk_…' }),
        },
    maskedErrors: { isDev: !config.production, maskError },
    logging: {
      debug: (...a) => logger.debug(a.map(String).join(' ')),
      info: (...a) => logger.info(a.map(String).join(' ')),
      warn: (...a) => logger.warn(a.map(String).join(' ')),
      error: (...a) => logger.error(a.map(String).join(' ')),
    },
    plugins: [
      EnvelopArmorPlugin({
        maxDepth: { n: config.limits.maxDepth },
        costLimit: { maxCost: config.limits.maxCost },
        maxAliases: { n: 30 },
        maxDirectives: { n: 30 },
        maxTokens: { n: 5000 },
        blockFieldSuggestion: { enabled: config.production },
      }),
    ],
    context: async (initial: YogaInitialContext & { caller?: Caller | null }): Promise<Context> => {
      let caller = initial.caller ?? null;
      if (initial.caller === undefined) {
        const header = initial.request.headers.get('authorization');
        if (header) {
          const token = bearerToken(header);
          caller = token ? await services.apiKeys.authenticate(token) : null;
          if (!caller) throw clientError('UNAUTHENTICATED', 'the API key is unknown or revoked');
        }
      }
      return { caller, services, requestId: randomUUID() } as Context;
    },
  });

  const routes = opts.routes;
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      // A body without a declared length (chunked) could be any size before it is read: refused, as RFC 9110 allows.
      if (req.headers['transfer-encoding'] !== undefined && req.headers['content-length'] === undefined) {
        res.writeHead(411, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: 'a request body needs a Content-Length', extensions: { code: 'BAD_USER_INPUT' } }] }));
        return;
      }
      const length = Number(req.headers['content-length'] ?? 0);
      if (length > config.limits.maxBodyBytes) {
        res.writeHead(413, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: 'request body too large', extensions: { code: 'BAD_USER_INPUT' } }] }));
        return;
      }
      for (const route of routes) {
        const m = route.method === req.method ? route.pattern.exec(url.pathname) : null;
        if (m) return route.handler(req, res, m.groups ?? {});
      }
      if (url.pathname.startsWith(yoga.graphqlEndpoint)) return yoga.handle(req, res);
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    })().catch((err: unknown) => {
      logger.error('request failed', { err, path: req.url });
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
    });
  });

  const operationCaller = async (extensions: Record<string, unknown> | undefined | null) => {
    const token = connectionToken(extensions?.headers as Record<string, unknown> | undefined);
    return token ? services.apiKeys.authenticate(token) : null;
  };

  const wss = new WebSocketServer({ server, path: yoga.graphqlEndpoint, maxPayload: config.limits.maxBodyBytes });
  const wsServer = useServer<Record<string, unknown> | undefined, WsExtra>(
    {
      // Rejecting here closes the socket with 4403 before any operation runs. GraphiQL cannot
      // send connectionParams (it puts the headers editor into each operation's
      // extensions.headers), so in development alone a connection without credentials is let in
      // and each of its operations authenticates on its own; wrong credentials are refused always.
      onConnect: async (ctx) => {
        const token = connectionToken(ctx.connectionParams) ?? bearerToken(ctx.extra.request.headers.authorization);
        if (!token) return config.env === 'development';
        const caller = await services.apiKeys.authenticate(token);
        if (!caller) return false;
        ctx.extra.caller = caller;
        return true;
      },
      execute: (args) => (args.rootValue as { execute: typeof import('graphql').execute }).execute(args),
      subscribe: (args) => (args.rootValue as { subscribe: typeof import('graphql').subscribe }).subscribe(args),
      onSubscribe: async (ctx, _id, payload) => {
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.request.socket,
          params: payload,
          caller: ctx.extra.caller ?? (await operationCaller(payload.extensions)),
        });
        let document;
        try {
          document = parse(payload.query);
        } catch (err) {
          return [err as import('graphql').GraphQLError];
        }
        const errors = validate(schema, document);
        if (errors.length) return errors;
        return {
          schema,
          operationName: payload.operationName,
          document,
          variableValues: payload.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
      },
    },
    wss,
  );

  return {
    server,
    listen: (port, host) =>
      new Promise((resolveListen, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const addr = server.address() as AddressInfo;
          resolveListen({ port: addr.port, url: `http://${host}:${addr.port}` });
        });
      }),
    async close() {
      await wsServer.dispose();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
