import { z } from 'zod';
import { builder } from '../schema/builder.js';
import { ApiKey, CreateApiKeyPayload, RoleEnum } from '../schema/auth.js';
import { globalIdOf } from '../schema/global-id.js';
import { ROLES } from '../db/documents.js';

const CreateApiKeyInput = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(100, 'at most 100 characters'),
  role: z.enum(ROLES),
});

const CreateApiKeyInputRef = builder.inputType('CreateApiKeyInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
  }),
});

builder.queryFields((t) => ({
  apiKeys: t.field({
    type: [ApiKey],
    authScopes: { admin: true },
    resolve: (_root, _args, ctx) => ctx.services.apiKeys.list(),
  }),
  viewer: t.field({
    type: ApiKey,
    description: 'The key making this request.',
    authScopes: { authenticated: true },
    resolve: (_root, _args, ctx) => ctx.caller!.keyId,
  }),
}));

builder.mutationFields((t) => ({
  createApiKey: t.field({
    type: CreateApiKeyPayload,
    description: 'Creates a key and returns it once; only its hash is kept.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreateApiKeyInputRef, required: true }).validate(CreateApiKeyInput) },
    resolve: (_root, { input }, ctx) => ctx.services.apiKeys.create({ ...input, createdBy: ctx.caller!.keyId }),
  }),
  revokeApiKey: t.field({
    type: ApiKey,
    authScopes: { admin: true },
    args: { id: t.arg.id({ required: true }).validate(globalIdOf('ApiKey')) },
    resolve: (_root, { id }, ctx) => ctx.services.apiKeys.revoke(id),
  }),
}));
