import { LIMITS } from '@atrium/contracts';
import { Type } from 'typebox';
import { audit } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { page } from '../../platform/http/pagination.ts';
import { actorOf, afterOf } from '../people/route-helpers.ts';
import { assignOwnerAsSiteAdmin } from '../space-membership/commands/assign-owner-as-site-admin.ts';
import { Id, IdParams } from '../space-membership/membership.schema.ts';
import { searchWords } from './space-handles.ts';
import { presentSpaceSummaries } from './spaces.presenter.ts';
import { listSpaces, memberCounts } from './spaces.repository.ts';
import { AdminSpacePageSchema, AdminSpacesQuery } from './spaces.schema.ts';

export function registerAdminSpaceRoutes(app: App, ctx: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/admin/spaces',
    auth: 'admin',
    schema: {
      tags: ['admin'],
      summary: 'Every space, secret ones included, with member counts (site admins; each read is audited)',
      querystring: AdminSpacesQuery,
      response: { 200: AdminSpacePageSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const { q, audience, visibility, archived, cursor } = request.query;
      const limit = request.query.limit ?? LIMITS.pageSize.default;
      // No visibility filter: this is the one audited path that lists every space.
      const rows = await listSpaces(ctx.db, null, {
        words: searchWords(q),
        audience,
        visibility,
        archived,
        after: afterOf(cursor),
        limit,
      });
      const result = page(rows, limit, (row) => [row.name, row.id]);
      const [summaries, counts] = await Promise.all([
        presentSpaceSummaries(ctx.db, actor, result.items),
        memberCounts(
          ctx.db,
          result.items.map((row) => row.id),
        ),
      ]);
      await audit(ctx.db, {
        actorId: actor.id,
        action: 'admin.spaces_listed',
        targetType: 'space',
        ip: request.ip ?? null,
        data: {
          q: q ?? null,
          audience: audience ?? null,
          visibility: visibility ?? null,
          archived: archived ?? null,
          count: result.items.length,
        },
      });
      return {
        items: summaries.map((s) => ({ ...s, memberCount: counts.get(s.id) ?? 0 })),
        nextCursor: result.nextCursor,
      };
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/admin/spaces/:id/owner',
    auth: 'admin',
    schema: {
      tags: ['admin'],
      summary: 'Give a space without an active owner a new owner (site admins; audited)',
      params: IdParams,
      body: Type.Object({ personId: Id }, { additionalProperties: false }),
      response: { 204: Type.Null() },
    },
    handler: async (request, reply) => {
      await assignOwnerAsSiteAdmin(ctx, {
        actorId: actorOf(request).id,
        spaceId: request.params.id,
        personId: request.body.personId,
        ip: request.ip ?? null,
      });
      return reply.status(204).send(null);
    },
  });
}
