import { LIMITS } from '@atrium/contracts';
import type { AppContext } from '../../platform/context.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { page } from '../../platform/http/pagination.ts';
import { actorOf } from '../people/route-helpers.ts';
import { createComment } from './commands/create-comment.ts';
import { registerCommentChangeRoutes } from './comment-changes.routes.ts';
import { loadThreads, presentComment, presentThreads } from './comments.presenter.ts';
import { repliesOf, topLevelComments } from './comments.repository.ts';
import {
  CommentPageQuery,
  CommentSchema,
  CreateCommentBody,
  IdParams,
  RepliesPageSchema,
  ThreadPageSchema,
} from './comments.schema.ts';
import { loadComment } from './load-comment.ts';
import { loadReadablePost } from './post-context.ts';
import { afterIdOf, commentWriteRate } from './route-helpers.ts';

const tags = ['comments'];

/**
 * The comments module: threaded comments under posts. Only readers of the post see or write them
 * (an unreadable post answers 404 like a missing one); see comments.policy.ts for who may do what.
 */
export function registerComments(app: App, ctx: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/posts/:id/comments',
    auth: 'user',
    schema: {
      tags,
      summary:
        'Top-level comments of a post I may read, oldest first, each with two levels of replies (the first ' +
        'few per level; `replyCount` and `repliesCursor` lead to GET /comments/{id}/replies)',
      params: IdParams,
      querystring: CommentPageQuery,
      response: { 200: ThreadPageSchema },
    },
    handler: async (request) => {
      const viewer = actorOf(request);
      const context = await loadReadablePost(ctx.db, viewer, request.params.id);
      const limit = request.query.limit ?? LIMITS.pageSize.default;
      const rows = await topLevelComments(ctx.db, context.post.id, afterIdOf(request.query.cursor), limit);
      const result = page(rows, limit, (row) => [row.id]);
      const threads = await loadThreads(ctx.db, result.items, 2);
      return { items: await presentThreads(ctx.db, viewer, context, threads), nextCursor: result.nextCursor };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/posts/:id/comments',
    auth: 'user',
    rateLimit: commentWriteRate,
    schema: {
      tags,
      summary:
        'Comment on a post I may read, or reply to one of its live comments (parentId); ' +
        `replies nest at most ${LIMITS.commentDepth} deep`,
      params: IdParams,
      body: CreateCommentBody,
      response: { 201: CommentSchema },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const { comment, context } = await createComment(ctx, {
        actor,
        postId: request.params.id,
        body: request.body.body,
        parentId: request.body.parentId,
      });
      return reply.status(201).send(await presentComment(ctx.db, actor, context, comment));
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/comments/:id/replies',
    auth: 'user',
    schema: {
      tags,
      summary: 'Continue a thread: replies to a comment, oldest first, each with one level of replies',
      params: IdParams,
      querystring: CommentPageQuery,
      response: { 200: RepliesPageSchema },
    },
    handler: async (request) => {
      const viewer = actorOf(request);
      // A deleted comment keeps its place while answered, so its replies stay reachable.
      const { comment, context } = await loadComment(ctx.db, viewer, request.params.id, {
        allowDeleted: true,
      });
      const limit = request.query.limit ?? LIMITS.pageSize.default;
      const rows = await repliesOf(ctx.db, comment.id, afterIdOf(request.query.cursor), limit);
      const result = page(rows, limit, (row) => [row.id]);
      const threads = await loadThreads(ctx.db, result.items, 1);
      return { items: await presentThreads(ctx.db, viewer, context, threads), nextCursor: result.nextCursor };
    },
  });

  registerCommentChangeRoutes(app, ctx);
}
