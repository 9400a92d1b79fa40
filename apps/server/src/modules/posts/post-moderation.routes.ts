import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { actorOf } from '../people/route-helpers.ts';
import { setPostHidden, setPostPinned } from './commands/moderate-post.ts';
import { loadReadablePost } from './load-post.ts';
import { POST_MODERATION } from './post-rate-limits.ts';
import { presentPost } from './posts.presenter.ts';
import { HideBody, PostIdParams, PostViewSchema } from './posts.schema.ts';

/** Hiding (moderators, audited) and pinning (moderators of the space) posts. */
export function registerPostModerationRoutes(app: App, ctx: AppContext): void {
  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/posts/:id/hidden',
    auth: 'user',
    rateLimit: POST_MODERATION,
    schema: {
      tags: ['posts'],
      summary: 'Hide a post from everyone but its author and moderators, with a reason (moderators; audited)',
      params: PostIdParams,
      body: HideBody,
      response: { 200: PostViewSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const loaded = await loadReadablePost(ctx.db, actor, request.params.id);
      const row = await setPostHidden(ctx, {
        actor,
        loaded,
        hidden: true,
        reason: request.body.reason,
        ip: request.ip ?? null,
      });
      return presentPost(ctx, actor, row);
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/posts/:id/hidden',
    auth: 'user',
    rateLimit: POST_MODERATION,
    schema: {
      tags: ['posts'],
      summary: 'Show a hidden post again (moderators; audited)',
      params: PostIdParams,
      response: { 204: Type.Null() },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const loaded = await loadReadablePost(ctx.db, actor, request.params.id);
      await setPostHidden(ctx, { actor, loaded, hidden: false, ip: request.ip ?? null });
      return reply.status(204).send(null);
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/posts/:id/pin',
    auth: 'user',
    rateLimit: POST_MODERATION,
    schema: {
      tags: ['posts'],
      summary: "Pin a post on top of its space's feed (owners, admins and moderators of the space)",
      params: PostIdParams,
      response: { 200: PostViewSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const loaded = await loadReadablePost(ctx.db, actor, request.params.id);
      const row = await setPostPinned(ctx, { actor, loaded, pinned: true });
      return presentPost(ctx, actor, row);
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/posts/:id/pin',
    auth: 'user',
    rateLimit: POST_MODERATION,
    schema: {
      tags: ['posts'],
      summary: 'Unpin a post (owners, admins and moderators of the space)',
      params: PostIdParams,
      response: { 204: Type.Null() },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const loaded = await loadReadablePost(ctx.db, actor, request.params.id);
      await setPostPinned(ctx, { actor, loaded, pinned: false });
      return reply.status(204).send(null);
    },
  });
}
