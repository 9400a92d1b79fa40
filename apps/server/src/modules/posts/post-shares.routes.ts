import type { AppContext } from '../../platform/context.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { actorOf } from '../people/route-helpers.ts';
import { sharePost } from './commands/share-post.ts';
import { loadReadablePost } from './load-post.ts';
import { POST_WRITES } from './post-rate-limits.ts';
import { presentPost } from './posts.presenter.ts';
import { PostIdParams, PostViewSchema, SharePostBody } from './posts.schema.ts';

export function registerPostShareRoutes(app: App, ctx: AppContext): void {
  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/posts/:id/shares',
    auth: 'user',
    rateLimit: POST_WRITES,
    schema: {
      tags: ['posts'],
      summary:
        'Share a post into a target, with an optional comment: a new post. Refused (403) where the target ' +
        "is read by a wider audience than the original's; sharing a share shares its original",
      params: PostIdParams,
      body: SharePostBody,
      response: { 201: PostViewSchema },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const loaded = await loadReadablePost(ctx.db, actor, request.params.id);
      const row = await sharePost(ctx, {
        actor,
        loaded,
        target: request.body.target,
        body: request.body.body,
      });
      return reply.status(201).send(await presentPost(ctx, actor, row));
    },
  });
}
