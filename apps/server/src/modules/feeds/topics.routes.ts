import { LIMITS } from '@atrium/contracts';
import { Type } from 'typebox';
import { normalizeTopic } from '../../platform/content/index.ts';
import type { AppContext } from '../../platform/context.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { actorOf } from '../people/route-helpers.ts';
import { followTarget } from './commands/follow-target.ts';
import { unfollowTarget } from './commands/unfollow-target.ts';
import { loadVisibleTopic, topicName } from './feed-targets.ts';
import {
  hasPreference,
  readableTopicPostCount,
  topicTotal,
  visibleTopicsByPrefix,
} from './feeds.repository.ts';
import { TopicParams, TopicQuery, TopicSchema, TopicSuggestionsSchema } from './feeds.schema.ts';
import { FOLLOW_RATE } from './follows.routes.ts';

const tags = ['topics'];

/** Suggestions check this many of the most used names per requested one (see `visibleTopicsByPrefix`). */
const CANDIDATES_PER_SUGGESTION = 3;

/**
 * Topics: autocomplete, topic pages, follows. A topic exists for a viewer only if at least one live post they
 * may read carries it, so a topic used only in spaces someone cannot read is unknown to them (404, not
 * suggested). Employees see the company-wide count; external people no count in suggestions and, on the
 * topic page, the number of posts they may read.
 */
export function registerTopicRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/topics',
    auth: 'user',
    schema: {
      tags,
      summary: 'Topic autocomplete: topics starting with q that I may know about, most used first',
      querystring: TopicQuery,
      response: { 200: TopicSuggestionsSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const limit = request.query.limit ?? LIMITS.topicSuggestions.default;
      const rows = await visibleTopicsByPrefix(
        db,
        ctx.dialect,
        actor,
        normalizeTopic(request.query.q ?? ''),
        {
          limit,
          candidates: limit * CANDIDATES_PER_SUGGESTION,
        },
      );
      const counts = actor.kind === 'member';
      return {
        items: rows.map((row) => ({ name: row.name, postCount: counts ? Number(row.post_count) : null })),
      };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/topics/:name',
    auth: 'user',
    schema: {
      tags,
      summary: 'A topic page header: its name, how many posts, whether I follow or mute it',
      params: TopicParams,
      response: { 200: TopicSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const name = await loadVisibleTopic(db, ctx.dialect, actor, request.params.name);
      const target = { type: 'topic', id: name };
      const [postCount, followedByMe, mutedByMe] = await Promise.all([
        actor.kind === 'member'
          ? topicTotal(db, name).then((total) => total ?? 0)
          : readableTopicPostCount(db, ctx.dialect, actor, name),
        hasPreference(db, 'feed_follows', actor.id, target),
        hasPreference(db, 'feed_mutes', actor.id, target),
      ]);
      return { name, postCount, followedByMe, mutedByMe };
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/topics/:name/follow',
    auth: 'user',
    rateLimit: FOLLOW_RATE,
    schema: {
      tags,
      summary: 'Follow a topic (idempotent)',
      params: TopicParams,
      response: { 204: Type.Null() },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const name = await loadVisibleTopic(db, ctx.dialect, actor, request.params.name);
      await followTarget(ctx, actor, { type: 'topic', id: name });
      return reply.status(204).send(null);
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/topics/:name/follow',
    auth: 'user',
    rateLimit: FOLLOW_RATE,
    schema: {
      tags,
      summary: 'Stop following a topic (idempotent; answers the same whether or not the topic exists)',
      params: TopicParams,
      response: { 204: Type.Null() },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      await unfollowTarget(ctx, actor, { type: 'topic', id: topicName(request.params.name) });
      return reply.status(204).send(null);
    },
  });
}
