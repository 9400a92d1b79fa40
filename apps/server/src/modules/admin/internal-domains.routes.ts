import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { presentDomain } from './admin.presenter.ts';
import { listInternalDomains } from './admin.repository.ts';
import { actorOf } from './admin.request.ts';
import { DomainBody, DomainParams, InternalDomainSchema } from './admin.schema.ts';
import { addInternalDomain } from './commands/add-internal-domain.ts';
import { removeInternalDomain } from './commands/remove-internal-domain.ts';

export function registerInternalDomainRoutes(app: App, ctx: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/admin/internal-domains',
    auth: 'admin',
    schema: {
      tags: ['admin'],
      summary: 'Email domains whose invitees become members',
      response: { 200: Type.Object({ items: Type.Array(InternalDomainSchema) }) },
    },
    handler: async () => ({ items: (await listInternalDomains(ctx.db)).map(presentDomain) }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/admin/internal-domains',
    auth: 'admin',
    schema: {
      tags: ['admin'],
      summary: 'Add an internal domain (a bare domain name; matched exactly, never by suffix)',
      body: DomainBody,
      response: { 201: InternalDomainSchema },
    },
    handler: async (request, reply) => {
      const row = await addInternalDomain(ctx, { ...actorOf(request), domain: request.body.domain });
      return reply.status(201).send(presentDomain(row));
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/admin/internal-domains/:domain',
    auth: 'admin',
    schema: {
      tags: ['admin'],
      summary: 'Remove an internal domain',
      params: DomainParams,
      response: { 204: Type.Null() },
    },
    handler: async (request, reply) => {
      await removeInternalDomain(ctx, { ...actorOf(request), domain: request.params.domain });
      return reply.status(204).send(null);
    },
  });
}
