import { LIMITS } from '@atrium/contracts';
import type { AppContext } from '../../platform/context.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { page, pageSchema } from '../../platform/http/pagination.ts';
import { presentSummary } from '../people/people.presenter.ts';
import { PersonSummarySchema } from '../people/people.schema.ts';
import { presentAdminPerson, presentAuditEntry } from './admin.presenter.ts';
import { listAudit, listPeopleForAdmin, peopleByIds } from './admin.repository.ts';
import { actorOf, textPair } from './admin.request.ts';
import {
  AdminPeopleQuery,
  AdminPersonSchema,
  AuditEntrySchema,
  AuditQuery,
  IdParams,
  RoleBody,
} from './admin.schema.ts';
import { changeRole } from './commands/change-role.ts';
import { deactivatePerson } from './commands/deactivate-person.ts';
import { reactivatePerson } from './commands/reactivate-person.ts';
import { registerCustomFieldRoutes } from './custom-fields.routes.ts';
import { registerInternalDomainRoutes } from './internal-domains.routes.ts';

export function registerAdminRoutes(app: App, ctx: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/admin/people',
    auth: 'admin',
    schema: {
      tags: ['admin'],
      summary: 'Everyone, with email and account state (filters: q, status, role)',
      querystring: AdminPeopleQuery,
      response: { 200: pageSchema(AdminPersonSchema) },
    },
    handler: async (request) => {
      const { q, status, role, cursor } = request.query;
      const limit = request.query.limit ?? LIMITS.pageSize.default;
      const rows = await listPeopleForAdmin(ctx.db, { q, status, role, after: textPair(cursor), limit });
      const result = page(rows, limit, (row) => [row.name, row.id]);
      return { items: result.items.map(presentAdminPerson), nextCursor: result.nextCursor };
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/admin/people/:id/role',
    auth: 'admin',
    schema: {
      tags: ['admin'],
      summary: "Change a person's site role (the last active administrator cannot be demoted)",
      params: IdParams,
      body: RoleBody,
      response: { 200: PersonSummarySchema },
    },
    handler: async (request) => {
      const person = await changeRole(ctx, {
        ...actorOf(request),
        personId: request.params.id,
        role: request.body.role,
      });
      return presentSummary(person);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/admin/people/:id/deactivate',
    auth: 'admin',
    schema: {
      tags: ['admin'],
      summary: 'Deactivate a person: their sessions and API tokens end at once',
      params: IdParams,
      response: { 200: PersonSummarySchema },
    },
    handler: async (request) =>
      presentSummary(await deactivatePerson(ctx, { ...actorOf(request), personId: request.params.id })),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/admin/people/:id/reactivate',
    auth: 'admin',
    schema: {
      tags: ['admin'],
      summary: 'Reactivate a deactivated person',
      params: IdParams,
      response: { 200: PersonSummarySchema },
    },
    handler: async (request) =>
      presentSummary(await reactivatePerson(ctx, { ...actorOf(request), personId: request.params.id })),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/admin/audit',
    auth: 'admin',
    schema: {
      tags: ['admin'],
      summary: 'The audit log, newest first (filters: action, actorId)',
      querystring: AuditQuery,
      response: { 200: pageSchema(AuditEntrySchema) },
    },
    handler: async (request) => {
      const { action, actorId, cursor } = request.query;
      const limit = request.query.limit ?? LIMITS.pageSize.default;
      const rows = await listAudit(ctx.db, { action, actorId, before: textPair(cursor), limit });
      const result = page(rows, limit, (row) => [row.created_at, row.id]);
      const actors = await peopleByIds(
        ctx.db,
        result.items.flatMap((row) => (row.actor_id === null ? [] : [row.actor_id])),
      );
      return {
        items: result.items.map((row) => presentAuditEntry(row, actors)),
        nextCursor: result.nextCursor,
      };
    },
  });

  registerInternalDomainRoutes(app, ctx);
  registerCustomFieldRoutes(app, ctx);
}
