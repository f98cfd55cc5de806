import { ROLES, type ApiKeyDoc } from '../db/documents.js';
import { builder } from './builder.js';

export const RoleEnum = builder.enumType('Role', { values: ROLES });

export const ApiKey = builder.loadableNodeRef<ApiKeyDoc, string>('ApiKey', {
  id: { resolve: (k) => k._id },
  load: (ids: string[], ctx) => ctx.services.apiKeys.byIds(ids),
  sort: (k) => k._id,
});

ApiKey.implement({
  description: 'An API key. The key itself is shown once, when created; only its hash is stored.',
  fields: (t) => ({
    name: t.exposeString('name'),
    role: t.expose('role', { type: RoleEnum }),
    prefix: t.exposeString('prefix', { description: 'The first characters, to recognise a key.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
    active: t.boolean({ resolve: (k) => k.revokedAt === null }),
  }),
});

export const CreateApiKeyPayload = builder.objectRef<{ key: string; doc: ApiKeyDoc }>('CreateApiKeyPayload').implement({
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The secret. Shown only now: store it.' }),
    apiKey: t.field({ type: ApiKey, resolve: (p) => p.doc }),
  }),
});
