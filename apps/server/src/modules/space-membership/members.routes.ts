import { LIMITS } from '@atrium/contracts';
import { Type } from 'typebox';
import { mayFindByEmail, visiblePeopleFilter } from '../../platform/access/people.ts';
import { canReadSpace } from '../../platform/access/spaces.ts';
import type { AppContext } from '../../platform/context.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';
import { page } from '../../platform/http/pagination.ts';
import { actorOf } from '../admin/admin.request.ts';
import { searchTextOf } from '../people/handles.ts';
import { afterOf, actorOf as viewerOf } from '../people/route-helpers.ts';
import { presentSpace } from '../spaces/spaces.presenter.ts';
import { SpaceSchema } from '../spaces/spaces.schema.ts';
import { changeMemberRole } from './commands/change-member-role.ts';
import { joinSpace } from './commands/join-space.ts';
import { leaveSpace } from './commands/leave-space.ts';
import { removeMember } from './commands/remove-member.ts';
import { transferOwnership } from './commands/transfer-ownership.ts';
import { loadSpace } from './load-space.ts';
import { presentMember } from './membership.presenter.ts';
import { listMembers, memberWithPerson } from './membership.repository.ts';
import {
  HandleParams,
  MemberParams,
  MemberSchema,
  MembershipSchema,
  MembersQuery,
  RoleBody,
  TransferBody,
} from './membership.schema.ts';

const MAX_SEARCH_WORDS = 8;
const tags = ['space membership'];

export function registerMemberRoutes(app: App, ctx: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/spaces/:handle/members',
    auth: 'user',
    schema: {
      tags,
      summary: 'Active members of a space I may read, by name (only people I may see)',
      params: HandleParams,
      querystring: MembersQuery,
      response: {
        200: Type.Object({
          items: Type.Array(MemberSchema),
          nextCursor: Type.Union([Type.String(), Type.Null()]),
        }),
      },
    },
    handler: async (request) => {
      const viewer = viewerOf(request);
      const { space, membership } = await loadSpace(ctx.db, viewer, request.params.handle);
      if (!canReadSpace(viewer, space, membership))
        throw forbidden('Only members of this space can see its members.');
      const { q, role, cursor, limit = LIMITS.pageSize.default } = request.query;
      const words = q ? searchTextOf([q]).split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS) : [];
      const rows = await listMembers(ctx.db, space.id, visiblePeopleFilter(viewer), {
        words,
        matchEmails: mayFindByEmail(viewer),
        role,
        after: afterOf(cursor),
        limit,
      });
      const result = page(rows, limit, (row) => [row.name, row.id]);
      return { items: result.items.map(presentMember), nextCursor: result.nextCursor };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/spaces/:handle/join',
    auth: 'user',
    schema: {
      tags,
      summary: 'Join an open space whose audience admits me',
      params: HandleParams,
      response: { 200: MembershipSchema },
    },
    handler: async (request) => ({
      membership: await joinSpace(ctx, { actor: viewerOf(request), handle: request.params.handle }),
    }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/spaces/:handle/leave',
    auth: 'user',
    schema: {
      tags,
      summary: 'Leave a space (the last owner must transfer ownership first)',
      params: HandleParams,
      response: { 204: Type.Null() },
    },
    handler: async (request, reply) => {
      await leaveSpace(ctx, { actor: viewerOf(request), handle: request.params.handle });
      return reply.status(204).send(null);
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/spaces/:handle/members/:personId',
    auth: 'user',
    schema: {
      tags,
      summary: "Change a member's role (owners and admins; only owners give or take owner and admin)",
      params: MemberParams,
      body: RoleBody,
      response: { 200: MemberSchema },
    },
    handler: async (request) => {
      const actor = viewerOf(request);
      const { handle, personId } = request.params;
      await changeMemberRole(ctx, {
        actor,
        handle,
        personId,
        role: request.body.role,
        ip: actorOf(request).ip,
      });
      const { space } = await loadSpace(ctx.db, actor, handle);
      const row = await memberWithPerson(ctx.db, space.id, personId);
      if (!row) throw notFound('No such member.');
      return presentMember(row);
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/spaces/:handle/members/:personId',
    auth: 'user',
    schema: {
      tags,
      summary: 'Remove a member (owners and admins; never the last owner)',
      params: MemberParams,
      response: { 204: Type.Null() },
    },
    handler: async (request, reply) => {
      const { handle, personId } = request.params;
      await removeMember(ctx, { actor: viewerOf(request), handle, personId, ip: actorOf(request).ip });
      return reply.status(204).send(null);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/spaces/:handle/transfer-ownership',
    auth: 'user',
    schema: {
      tags,
      summary: 'Hand ownership to another member; the old owner becomes an admin',
      params: HandleParams,
      body: TransferBody,
      response: { 200: SpaceSchema },
    },
    handler: async (request) => {
      const actor = viewerOf(request);
      const { handle } = request.params;
      await transferOwnership(ctx, {
        actor,
        handle,
        personId: request.body.personId,
        ip: actorOf(request).ip,
      });
      const { space } = await loadSpace(ctx.db, actor, handle);
      return presentSpace(ctx.db, actor, space);
    },
  });
}
