import { LIMITS } from '@atrium/contracts';
import { Type } from 'typebox';
import { visiblePeopleFilter } from '../../platform/access/people.ts';
import type { AppContext } from '../../platform/context.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { page, pageSchema } from '../../platform/http/pagination.ts';
import { actorOf, textPair } from '../admin/admin.request.ts';
import { actorOf as viewerOf } from '../people/route-helpers.ts';
import { cancelJoinRequest } from './commands/cancel-join-request.ts';
import { decideJoinRequest } from './commands/decide-join-request.ts';
import { requestToJoin } from './commands/request-to-join.ts';
import { loadSpace, requireManager } from './load-space.ts';
import { presentJoinRequest, visiblePeople } from './membership.presenter.ts';
import { listJoinRequests } from './membership.repository.ts';
import {
  HandleParams,
  ItemParams,
  JoinRequestBody,
  JoinRequestSchema,
  JoinRequestsQuery,
} from './membership.schema.ts';

const tags = ['space membership'];

export function registerJoinRequestRoutes(app: App, ctx: AppContext): void {
  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/spaces/:handle/join-requests',
    auth: 'user',
    rateLimit: { name: 'space-join-request', max: 30, windowMs: 60_000, key: (r) => r.actor?.id ?? r.ip },
    schema: {
      tags,
      summary: 'Ask to join a private space',
      params: HandleParams,
      body: JoinRequestBody,
      response: { 201: JoinRequestSchema },
    },
    handler: async (request, reply) => {
      const actor = viewerOf(request);
      const row = await requestToJoin(ctx, {
        actor,
        handle: request.params.handle,
        message: request.body?.message,
      });
      const people = await visiblePeople(ctx.db, actor, [row.person_id]);
      return reply.status(201).send(presentJoinRequest(row, people));
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/spaces/:handle/join-requests/mine',
    auth: 'user',
    schema: {
      tags,
      summary: 'Withdraw my pending request to join',
      params: HandleParams,
      response: { 204: Type.Null() },
    },
    handler: async (request, reply) => {
      await cancelJoinRequest(ctx, { actor: viewerOf(request), handle: request.params.handle });
      return reply.status(204).send(null);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/spaces/:handle/join-requests',
    auth: 'user',
    schema: {
      tags,
      summary: 'Requests to join, newest first (owners and admins of the space)',
      params: HandleParams,
      querystring: JoinRequestsQuery,
      response: { 200: pageSchema(JoinRequestSchema) },
    },
    handler: async (request) => {
      const viewer = viewerOf(request);
      const loaded = await loadSpace(ctx.db, viewer, request.params.handle);
      requireManager(loaded);
      const limit = request.query.limit ?? LIMITS.pageSize.default;
      const rows = await listJoinRequests(ctx.db, loaded.space.id, visiblePeopleFilter(viewer), {
        status: request.query.status,
        before: textPair(request.query.cursor),
        limit,
      });
      const result = page(rows, limit, (row) => [row.created_at, row.id]);
      const people = await visiblePeople(
        ctx.db,
        viewer,
        result.items.flatMap((row) => [row.person_id, row.decided_by]),
      );
      return {
        items: result.items.map((row) => presentJoinRequest(row, people)),
        nextCursor: result.nextCursor,
      };
    },
  });

  for (const [action, decision] of [
    ['approve', 'approved'],
    ['decline', 'declined'],
  ] as const) {
    defineRoute(app, {
      method: 'POST',
      url: `/api/v1/spaces/:handle/join-requests/:id/${action}`,
      auth: 'user',
      schema: {
        tags,
        summary: decision === 'approved' ? 'Approve a request: the person joins' : 'Decline a request',
        params: ItemParams,
        response: { 200: JoinRequestSchema },
      },
      handler: async (request) => {
        const actor = viewerOf(request);
        const row = await decideJoinRequest(ctx, {
          actor,
          handle: request.params.handle,
          id: request.params.id,
          decision,
          ip: actorOf(request).ip,
        });
        const people = await visiblePeople(ctx.db, actor, [row.person_id, row.decided_by]);
        return presentJoinRequest(row, people);
      },
    });
  }
}
