import { resolveCursorConnection, type ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import { badInput } from '../errors.js';
import type { ModelFilter } from '../services/registry/models.js';
import { builder } from '../schema/builder.js';
import { cursorArg, encodeCursor, globalIdOf } from '../schema/global-id.js';
import { Model, ModelFilterRef } from '../schema/model.js';

builder.queryFields((t) => ({
  model: t.field({
    type: Model,
    nullable: true,
    authScopes: { analyst: true },
    args: { id: t.arg.id({ required: true }).validate(globalIdOf('Model')) },
    resolve: (_root, { id }) => id,
  }),
  models: t.connection(
    {
      type: Model,
      authScopes: { analyst: true },
      description: 'Base and fine-tuned models, newest first.',
      args: { filter: t.arg({ type: ModelFilterRef }) },
      resolve: async (_root, args, ctx) => {
        const filter: ModelFilter = { task: args.filter?.task, stage: args.filter?.stage };
        const connection = await resolveCursorConnection(
          { args, toCursor: (m) => encodeCursor(m.createdAt, m._id), defaultSize: 20, maxSize: 200 },
          ({ before, after, limit, inverted }: ResolveCursorConnectionArgs) =>
            ctx.services.models.page(filter, { after: cursorArg(after, 'after'), before: cursorArg(before, 'before'), limit, inverted }),
        );
        return { ...connection, filter };
      },
    },
    {
      fields: (c) => ({
        totalCount: c.int({ resolve: (conn, _a, ctx) => ctx.services.models.count((conn as { filter: ModelFilter }).filter) }),
      }),
    },
  ),
}));
