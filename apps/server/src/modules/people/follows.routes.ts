import { LIMITS } from '@atrium/contracts';
import { Type } from 'typebox';
import { visiblePeopleFilter } from '../../platform/access/people.ts';
import type { AppContext } from '../../platform/context.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { page } from '../../platform/http/pagination.ts';
import { followPerson } from './commands/follow-person.ts';
import { unfollowPerson } from './commands/unfollow-person.ts';
import { listFollows } from './follows.repository.ts';
import { findVisiblePerson } from './load-profile.ts';
import { presentSummary } from './people.presenter.ts';
import { HandleParams, PageOnlyQuery, PersonPageSchema } from './people.schema.ts';
import { actorOf, afterOf, keyOf } from './route-helpers.ts';

const followRate = { name: 'follow', max: 120, windowMs: 60_000 } as const;

export function registerFollowRoutes(app: App, ctx: AppContext): void {
  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/people/:handle/follow',
    auth: 'user',
    rateLimit: { ...followRate, key: (r) => r.actor?.id ?? r.ip },
    schema: {
      tags: ['people'],
      summary: 'Follow a person (idempotent)',
      params: HandleParams,
      response: { 204: Type.Null() },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const person = await findVisiblePerson(ctx.db, actor, request.params.handle);
      await followPerson(ctx, actor, person);
      return reply.status(204).send(null);
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/people/:handle/follow',
    auth: 'user',
    rateLimit: { ...followRate, key: (r) => r.actor?.id ?? r.ip },
    schema: {
      tags: ['people'],
      summary: 'Stop following a person (idempotent)',
      params: HandleParams,
      response: { 204: Type.Null() },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const person = await findVisiblePerson(ctx.db, actor, request.params.handle);
      await unfollowPerson(ctx, actor, person);
      return reply.status(204).send(null);
    },
  });

  for (const direction of ['followers', 'following'] as const) {
    defineRoute(app, {
      method: 'GET',
      url: `/api/v1/people/:handle/${direction}`,
      auth: 'user',
      schema: {
        tags: ['people'],
        summary: direction === 'followers' ? 'People following this person' : 'People this person follows',
        params: HandleParams,
        querystring: PageOnlyQuery,
        response: { 200: PersonPageSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        const person = await findVisiblePerson(ctx.db, actor, request.params.handle);
        const limit = request.query.limit ?? LIMITS.pageSize.default;
        const rows = await listFollows(ctx.db, visiblePeopleFilter(actor), person.id, direction, {
          after: afterOf(request.query.cursor),
          limit,
        });
        const result = page(rows, limit, keyOf);
        return { items: result.items.map(presentSummary), nextCursor: result.nextCursor };
      },
    });
  }
}
