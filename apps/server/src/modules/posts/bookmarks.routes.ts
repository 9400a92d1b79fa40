import { LIMITS } from '@atrium/contracts';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { decodeCursor, page } from '../../platform/http/pagination.ts';
import { actorOf } from '../people/route-helpers.ts';
import { addBookmark, removeBookmark } from './commands/bookmark-post.ts';
import { loadReadablePost } from './load-post.ts';
import { BOOKMARK_WRITES } from './post-rate-limits.ts';
import { presentPosts } from './posts.presenter.ts';
import { listBookmarks } from './posts.repository.ts';
import { PageOnlyQuery, PostIdParams, PostPageSchema } from './posts.schema.ts';

export function registerBookmarkRoutes(app: App, ctx: AppContext): void {
  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/posts/:id/bookmark',
    auth: 'user',
    rateLimit: BOOKMARK_WRITES,
    schema: {
      tags: ['posts'],
      summary: 'Bookmark a post I may read',
      params: PostIdParams,
      response: { 204: Type.Null() },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const { post } = await loadReadablePost(ctx.db, actor, request.params.id);
      await addBookmark(ctx.db, actor, post.id);
      return reply.status(204).send(null);
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/posts/:id/bookmark',
    auth: 'user',
    rateLimit: BOOKMARK_WRITES,
    schema: {
      tags: ['posts'],
      summary: 'Remove my bookmark of a post (also of one I may no longer read)',
      params: PostIdParams,
      response: { 204: Type.Null() },
    },
    handler: async (request, reply) => {
      await removeBookmark(ctx.db, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/bookmarks',
    auth: 'user',
    schema: {
      tags: ['posts'],
      summary: 'My bookmarks of posts I may still read, newest bookmark first',
      querystring: PageOnlyQuery,
      response: { 200: PostPageSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const limit = request.query.limit ?? LIMITS.pageSize.default;
      const key = decodeCursor(request.query.cursor, 2);
      const after = key ? { at: String(key[0]), postId: String(key[1]) } : undefined;
      const rows = await listBookmarks(ctx.db, actor, after, limit);
      const result = page(rows, limit, (row) => [row.bookmarkedAt, row.post.id]);
      return {
        items: await presentPosts(
          ctx,
          actor,
          result.items.map((row) => row.post),
        ),
        nextCursor: result.nextCursor,
      };
    },
  });
}
