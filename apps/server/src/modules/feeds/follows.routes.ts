import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Viewer } from '../../platform/access/people.ts';
import type { AppContext } from '../../platform/context.ts';
import type { FeedMuteTarget } from '../../platform/db/schema-conversation.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { actorOf } from '../people/route-helpers.ts';
import { loadVisibleSpace } from '../spaces/load-space.ts';
import { HandleParams as SpaceHandleParams } from '../spaces/spaces.schema.ts';
import { followTarget } from './commands/follow-target.ts';
import { muteTarget } from './commands/mute-target.ts';
import { unfollowTarget } from './commands/unfollow-target.ts';
import { unmuteTarget } from './commands/unmute-target.ts';
import {
  loadReadableRecord,
  loadReadableSpace,
  loadVisiblePersonById,
  loadVisibleSpaceById,
  loadVisibleTopic,
  topicName,
} from './feed-targets.ts';
import { MuteParams, MyFollowsSchema, RecordIdParams } from './feeds.schema.ts';
import { myFollows } from './my-follows.ts';

export const FOLLOW_RATE = {
  name: 'feed-follow',
  max: 120,
  windowMs: 60_000,
  key: (r: FastifyRequest) => r.actor?.id ?? r.ip,
};

const noContent = Type.Null();

/** What a mute points at, loaded through the access model (404 when invisible); muting oneself is a 400. */
async function muteTargetOf(
  ctx: AppContext,
  actor: Viewer,
  params: { type: FeedMuteTarget; id: string },
  lifting: boolean,
): Promise<{ type: FeedMuteTarget; id: string }> {
  switch (params.type) {
    case 'space':
      return { type: 'space', id: (await loadVisibleSpaceById(ctx.db, actor, params.id)).id };
    case 'person': {
      const person = await loadVisiblePersonById(ctx.db, actor, params.id);
      if (person.id === actor.id) throw badRequest('You cannot mute yourself.');
      return { type: 'person', id: person.id };
    }
    case 'topic':
      // Lifting a mute answers the same whether or not the topic is known to the viewer.
      return {
        type: 'topic',
        id: lifting
          ? topicName(params.id, 'params/id')
          : await loadVisibleTopic(ctx.db, ctx.dialect, actor, params.id, 'params/id'),
      };
  }
}

/** Follows of records and spaces, mutes, and the list of all of them (topic follows: topics.routes.ts). */
export function registerFollowRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;

  for (const on of [true, false]) {
    defineRoute(app, {
      method: on ? 'PUT' : 'DELETE',
      url: '/api/v1/records/:id/follow',
      auth: 'user',
      rateLimit: FOLLOW_RATE,
      schema: {
        tags: ['records'],
        summary: on ? 'Follow a record I may open (idempotent)' : 'Stop following a record (idempotent)',
        params: RecordIdParams,
        response: { 204: noContent },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        const record = await loadReadableRecord(db, actor, request.params.id);
        const target = { type: 'record', id: record.id } as const;
        await (on ? followTarget(ctx, actor, target) : unfollowTarget(ctx, actor, target));
        return reply.status(204).send(null);
      },
    });

    defineRoute(app, {
      method: on ? 'PUT' : 'DELETE',
      url: '/api/v1/spaces/:handle/follow',
      auth: 'user',
      rateLimit: FOLLOW_RATE,
      schema: {
        tags: ['spaces'],
        summary: on
          ? 'Follow a space I may read (my spaces are followed already; 403 when I see only its name)'
          : 'Stop following a space (idempotent)',
        params: SpaceHandleParams,
        response: { 204: noContent },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        const { handle } = request.params;
        const space = on
          ? await loadReadableSpace(db, actor, handle)
          : (await loadVisibleSpace(db, actor, handle)).space;
        const target = { type: 'space', id: space.id } as const;
        await (on ? followTarget(ctx, actor, target) : unfollowTarget(ctx, actor, target));
        return reply.status(204).send(null);
      },
    });

    defineRoute(app, {
      method: on ? 'PUT' : 'DELETE',
      url: '/api/v1/mutes/:type/:id',
      auth: 'user',
      rateLimit: FOLLOW_RATE,
      schema: {
        tags: ['feeds'],
        summary: on
          ? 'Mute a space, topic or person in my home feed (ids for spaces and people, the name for topics)'
          : 'Lift a mute (idempotent)',
        params: MuteParams,
        response: { 204: noContent },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        const target = await muteTargetOf(ctx, actor, request.params, !on);
        await (on ? muteTarget(ctx, actor, target) : unmuteTarget(ctx, actor, target));
        return reply.status(204).send(null);
      },
    });
  }

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/me/follows',
    auth: 'user',
    schema: {
      tags: ['feeds'],
      summary: 'The topics, records and spaces I follow, and what I muted (only what I may still see)',
      response: { 200: MyFollowsSchema },
    },
    handler: async (request) => myFollows(db, actorOf(request)),
  });
}
