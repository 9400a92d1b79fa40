import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { actorOf } from '../admin/admin.request.ts';
import { actorOf as viewerOf } from '../people/route-helpers.ts';
import { addSpaceRule } from './commands/add-space-rule.ts';
import { removeSpaceRule } from './commands/remove-space-rule.ts';
import { loadSpace, requireManager } from './load-space.ts';
import { rulesOf } from './membership.repository.ts';
import { HandleParams, ItemParams, RuleBody, RuleSchema, RulesSchema } from './membership.schema.ts';

const tags = ['space membership'];
const presentRule = (row: { id: string; field: 'department' | 'location'; value: string }) => ({
  id: row.id,
  field: row.field,
  value: row.value,
});

export function registerRuleRoutes(app: App, ctx: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/spaces/:handle/rules',
    auth: 'user',
    schema: {
      tags,
      summary: 'Membership rules of a space (owners and admins)',
      params: HandleParams,
      response: { 200: RulesSchema },
    },
    handler: async (request) => {
      const loaded = await loadSpace(ctx.db, viewerOf(request), request.params.handle);
      requireManager(loaded);
      return { items: (await rulesOf(ctx.db, loaded.space.id)).map(presentRule) };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/spaces/:handle/rules',
    auth: 'user',
    schema: {
      tags,
      summary: 'Add a membership rule to an internal space: matching employees join (source "rule")',
      params: HandleParams,
      body: RuleBody,
      response: { 201: RuleSchema },
    },
    handler: async (request, reply) => {
      const rule = await addSpaceRule(ctx, {
        actor: viewerOf(request),
        handle: request.params.handle,
        field: request.body.field,
        value: request.body.value,
        ip: actorOf(request).ip,
      });
      return reply.status(201).send(presentRule(rule));
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/spaces/:handle/rules/:id',
    auth: 'user',
    schema: {
      tags,
      summary: 'Remove a rule; the members it alone brought in leave',
      params: ItemParams,
      response: { 204: Type.Null() },
    },
    handler: async (request, reply) => {
      const { handle, id } = request.params;
      await removeSpaceRule(ctx, { actor: viewerOf(request), handle, id, ip: actorOf(request).ip });
      return reply.status(204).send(null);
    },
  });
}
