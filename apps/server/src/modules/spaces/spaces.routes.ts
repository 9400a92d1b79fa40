import { LIMITS } from '@atrium/contracts';
import { visibleSpacesFilter } from '../../platform/access/spaces.ts';
import type { AppContext } from '../../platform/context.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { page } from '../../platform/http/pagination.ts';
import { actorOf, afterOf } from '../people/route-helpers.ts';
import { registerAdminSpaceRoutes } from './admin-spaces.routes.ts';
import { setSpaceArchived } from './commands/archive-space.ts';
import { createSpace } from './commands/create-space.ts';
import { updateSpace } from './commands/update-space.ts';
import { joinDefaultSpaces } from './handlers/join-default-spaces.ts';
import { loadVisibleSpace } from './load-space.ts';
import { searchWords } from './space-handles.ts';
import { registerSpaceImageRoutes } from './space-images.routes.ts';
import { presentSpace, presentSpaceSummaries } from './spaces.presenter.ts';
import { categoryCounts, listSpaces } from './spaces.repository.ts';
import {
  CategoriesSchema,
  CreateSpaceBody,
  DirectoryQuery,
  HandleParams,
  SpacePageSchema,
  SpaceSchema,
  UpdateSpaceBody,
} from './spaces.schema.ts';

const blankToUndefined = (value: string | undefined) => value?.trim() || undefined;

const writeRate = (name: string, max: number) => ({
  name,
  max,
  windowMs: 60_000,
  key: (r: { actor?: { id: string } | undefined; ip: string }) => r.actor?.id ?? r.ip,
});

/** The spaces core: its routes (directory, settings, images, the admin overview) and its handler. */
export function registerSpaces(app: App, ctx: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/spaces',
    auth: 'user',
    schema: {
      tags: ['spaces'],
      summary: 'The space directory: spaces visible to me, by name (filters: q, category, audience, mine)',
      querystring: DirectoryQuery,
      response: { 200: SpacePageSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const { q, category, audience, membership, archived, cursor } = request.query;
      const limit = request.query.limit ?? LIMITS.pageSize.default;
      const rows = await listSpaces(ctx.db, visibleSpacesFilter(ctx.db, actor), {
        words: searchWords(q),
        category: blankToUndefined(category),
        audience,
        memberId: membership === 'mine' ? actor.id : undefined,
        archived: archived ?? false,
        after: afterOf(cursor),
        limit,
      });
      const result = page(rows, limit, (row) => [row.name, row.id]);
      return {
        items: await presentSpaceSummaries(ctx.db, actor, result.items),
        nextCursor: result.nextCursor,
      };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/spaces/categories',
    auth: 'user',
    schema: {
      tags: ['spaces'],
      summary: 'Categories of the live spaces visible to me, with counts',
      response: { 200: CategoriesSchema },
    },
    handler: async (request) => ({
      items: await categoryCounts(ctx.db, visibleSpacesFilter(ctx.db, actorOf(request))),
    }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/spaces',
    auth: 'member',
    rateLimit: writeRate('space-create', 30),
    schema: {
      tags: ['spaces'],
      summary: 'Create a space (employees only); I become its owner',
      body: CreateSpaceBody,
      response: { 201: SpaceSchema },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const row = await createSpace(ctx, { actor, ...request.body, ip: request.ip ?? null });
      return reply.status(201).send(await presentSpace(ctx.db, actor, row));
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/spaces/:handle',
    auth: 'user',
    schema: {
      tags: ['spaces'],
      summary: 'A space (404 when it does not exist or I may not see it)',
      params: HandleParams,
      response: { 200: SpaceSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const { space } = await loadVisibleSpace(ctx.db, actor, request.params.handle);
      return presentSpace(ctx.db, actor, space);
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/v1/spaces/:handle',
    auth: 'user',
    rateLimit: writeRate('space-edit', 60),
    schema: {
      tags: ['spaces'],
      summary:
        'Change settings (owners and admins of the space; audience by owners; isDefault by site admins). ' +
        'Internal→external with members needs confirmAudienceChange; audited',
      params: HandleParams,
      body: UpdateSpaceBody,
      response: { 200: SpaceSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const { space } = await loadVisibleSpace(ctx.db, actor, request.params.handle);
      const row = await updateSpace(ctx, {
        actor,
        spaceId: space.id,
        patch: request.body,
        ip: request.ip ?? null,
      });
      return presentSpace(ctx.db, actor, row);
    },
  });

  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    defineRoute(app, {
      method: 'POST',
      url: `/api/v1/spaces/:handle/${action}`,
      auth: 'user',
      rateLimit: writeRate('space-archive', 30),
      schema: {
        tags: ['spaces'],
        summary: archived ? 'Archive a space (owners and admins)' : 'Restore an archived space',
        params: HandleParams,
        response: { 200: SpaceSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        const { space } = await loadVisibleSpace(ctx.db, actor, request.params.handle);
        const row = await setSpaceArchived(ctx, {
          actor,
          spaceId: space.id,
          archived,
          ip: request.ip ?? null,
        });
        return presentSpace(ctx.db, actor, row);
      },
    });
  }

  registerSpaceImageRoutes(app, ctx);
  registerAdminSpaceRoutes(app, ctx);
  ctx.outbox.register(joinDefaultSpaces(ctx));
}
