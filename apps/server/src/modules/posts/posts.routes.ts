import { LIMITS } from '@atrium/contracts';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { decodeCursor, page } from '../../platform/http/pagination.ts';
import { isThreadMuted } from '../notifications/commands/mute-thread.ts';
import { actorOf } from '../people/route-helpers.ts';
import { registerBookmarkRoutes } from './bookmarks.routes.ts';
import { createPost } from './commands/create-post.ts';
import { deletePost } from './commands/delete-post.ts';
import { updatePost } from './commands/update-post.ts';
import { registerPostKindRoutes } from './kinds/kinds.routes.ts';
import { loadReadablePost } from './load-post.ts';
import { registerMentionSuggestionRoutes } from './mention-suggestions.routes.ts';
import { registerPostModerationRoutes } from './post-moderation.routes.ts';
import { POST_EDITS, POST_WRITES } from './post-rate-limits.ts';
import { presentRevisions } from './post-revisions.ts';
import { registerPostShareRoutes } from './post-shares.routes.ts';
import { presentPost } from './posts.presenter.ts';
import { listRevisions } from './posts.repository.ts';
import {
  CreatePostBody,
  PageOnlyQuery,
  PostIdParams,
  PostViewSchema,
  RevisionPageSchema,
  UpdatePostBody,
} from './posts.schema.ts';

/** The posts module: posts, their kinds (questions, polls, praise, announcements), edits, shares, bookmarks and pins. */
export function registerPosts(app: App, ctx: AppContext): void {
  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/posts',
    auth: 'user',
    rateLimit: POST_WRITES,
    schema: {
      tags: ['posts'],
      summary: 'Post to exactly one target: the company feed, a space, a profile or a record',
      body: CreatePostBody,
      response: { 201: PostViewSchema },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const row = await createPost(ctx, { actor, ...request.body });
      return reply.status(201).send(await presentPost(ctx, actor, row));
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/posts/:id',
    auth: 'user',
    schema: {
      tags: ['posts'],
      summary: 'A post (404 when missing, deleted, not readable by me, or hidden from me)',
      params: PostIdParams,
      response: { 200: PostViewSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const { post } = await loadReadablePost(ctx.db, actor, request.params.id);
      // Only the detail says whether I muted the thread: feeds stay one statement lighter.
      const [view, threadMuted] = await Promise.all([
        presentPost(ctx, actor, post),
        isThreadMuted(ctx.db, actor.id, post.id),
      ]);
      return { ...view, threadMuted };
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/v1/posts/:id',
    auth: 'user',
    rateLimit: POST_EDITS,
    schema: {
      tags: ['posts'],
      summary: 'Edit my post: the previous body is kept in its visible history',
      params: PostIdParams,
      body: UpdatePostBody,
      response: { 200: PostViewSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const loaded = await loadReadablePost(ctx.db, actor, request.params.id);
      const row = await updatePost(ctx, { actor, loaded, body: request.body.body });
      return presentPost(ctx, actor, row);
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/posts/:id',
    auth: 'user',
    rateLimit: POST_EDITS,
    schema: {
      tags: ['posts'],
      summary:
        'Delete a post (its author, moderators of its space, site moderators and admins; audited for others)',
      params: PostIdParams,
      response: { 204: Type.Null() },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const loaded = await loadReadablePost(ctx.db, actor, request.params.id);
      await deletePost(ctx, { actor, loaded, ip: request.ip ?? null });
      return reply.status(204).send(null);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/posts/:id/revisions',
    auth: 'user',
    schema: {
      tags: ['posts'],
      summary: "A post's edit history, newest first (readers of the post)",
      params: PostIdParams,
      querystring: PageOnlyQuery,
      response: { 200: RevisionPageSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const { post } = await loadReadablePost(ctx.db, actor, request.params.id);
      const limit = request.query.limit ?? LIMITS.pageSize.default;
      const after = decodeCursor(request.query.cursor, 1);
      const rows = await listRevisions(ctx.db, post.id, after ? String(after[0]) : undefined, limit);
      const result = page(rows, limit, (row) => [row.id]);
      return { items: await presentRevisions(ctx.db, actor, result.items), nextCursor: result.nextCursor };
    },
  });

  registerPostModerationRoutes(app, ctx);
  registerPostShareRoutes(app, ctx);
  registerBookmarkRoutes(app, ctx);
  registerMentionSuggestionRoutes(app, ctx);
  registerPostKindRoutes(app, ctx);
}
