import { LIMITS } from '@atrium/contracts';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { sha256 } from '../../platform/auth/secrets.ts';
import { createSession } from '../../platform/auth/sessions.ts';
import type { AppContext } from '../../platform/context.ts';
import { nowIso } from '../../platform/db/time.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { tokenInvalid } from '../../platform/http/errors.ts';
import { page, pageSchema } from '../../platform/http/pagination.ts';
import { actorOf, textPair } from '../admin/admin.request.ts';
import { presentMe } from '../auth/auth.presenter.ts';
import { setSessionCookies } from '../auth/session-cookies.ts';
import { findPersonByEmail, findPersonById } from '../people/people.repository.ts';
import { MeSchema } from '../people/people.schema.ts';
import { actorOf as viewerOf } from '../people/route-helpers.ts';
import { presentSpaceSummaries } from '../spaces/spaces.presenter.ts';
import { findSpaceById } from '../spaces/spaces.repository.ts';
import { usableInvitation } from './claim-invitation.ts';
import { acceptEmailedInvitation } from './commands/accept-emailed-invitation.ts';
import { acceptSpaceInvitation } from './commands/accept-space-invitation.ts';
import { createSpaceInvitation } from './commands/create-space-invitation.ts';
import { declineSpaceInvitation } from './commands/decline-space-invitation.ts';
import { revokeSpaceInvitation } from './commands/revoke-space-invitation.ts';
import { loadSpace, requireManager } from './load-space.ts';
import { presentSpaceInvitations } from './membership.presenter.ts';
import {
  findSpaceInvitationByTokenHash,
  listSpaceInvitations,
  pendingInvitationsFor,
} from './membership.repository.ts';
import {
  AcceptBody,
  HandleParams,
  IdParams,
  InvitationBody,
  InvitationsQuery,
  ItemParams,
  MembershipSchema,
  MySpaceInvitationsSchema,
  PreviewBody,
  PreviewSchema,
  SpaceInvitationSchema,
} from './membership.schema.ts';

const tags = ['space membership'];
const userAgentOf = (request: FastifyRequest) =>
  typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : null;

export function registerSpaceInvitationRoutes(app: App, ctx: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/spaces/:handle/invitations',
    auth: 'user',
    schema: {
      tags,
      summary: 'Invitations to a space, newest first (owners and admins)',
      params: HandleParams,
      querystring: InvitationsQuery,
      response: { 200: pageSchema(SpaceInvitationSchema) },
    },
    handler: async (request) => {
      const viewer = viewerOf(request);
      const loaded = await loadSpace(ctx.db, viewer, request.params.handle);
      requireManager(loaded);
      const now = nowIso();
      const limit = request.query.limit ?? LIMITS.pageSize.default;
      const rows = await listSpaceInvitations(ctx.db, loaded.space.id, {
        status: request.query.status,
        // An external manager sees only what they sent: others' invitations name employees and emails.
        invitedBy: viewer.kind === 'member' ? undefined : viewer.id,
        now,
        before: textPair(request.query.cursor),
        limit,
      });
      const result = page(rows, limit, (row) => [row.created_at, row.id]);
      return {
        items: await presentSpaceInvitations(ctx.db, viewer, result.items, now),
        nextCursor: result.nextCursor,
      };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/spaces/:handle/invitations',
    auth: 'user',
    rateLimit: { name: 'space-invite', max: 100, windowMs: 15 * 60_000, key: (r) => r.actor?.id ?? r.ip },
    schema: {
      tags,
      summary: 'Invite a person (in-app) or an email address (by email) to a space (owners and admins)',
      params: HandleParams,
      body: InvitationBody,
      response: { 201: SpaceInvitationSchema },
    },
    handler: async (request, reply) => {
      const viewer = viewerOf(request);
      const body = request.body;
      const row = await createSpaceInvitation(ctx, {
        actor: viewer,
        handle: request.params.handle,
        target: 'personId' in body ? { personId: body.personId } : { email: body.email },
        role: body.role,
        ip: actorOf(request).ip,
      });
      const [item] = await presentSpaceInvitations(ctx.db, viewer, [row], nowIso());
      if (!item) throw new Error('presentSpaceInvitations returned nothing');
      return reply.status(201).send(item);
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/spaces/:handle/invitations/:id',
    auth: 'user',
    schema: { tags, summary: 'Revoke an invitation', params: ItemParams, response: { 204: Type.Null() } },
    handler: async (request, reply) => {
      const { handle, id } = request.params;
      await revokeSpaceInvitation(ctx, { actor: viewerOf(request), handle, id, ip: actorOf(request).ip });
      return reply.status(204).send(null);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/me/space-invitations',
    auth: 'user',
    schema: {
      tags,
      summary: 'My pending invitations to spaces',
      response: { 200: MySpaceInvitationsSchema },
    },
    handler: async (request) => {
      const viewer = viewerOf(request);
      const me = await findPersonById(ctx.db, viewer.id);
      if (!me) return { items: [] };
      const now = nowIso();
      // Only invitations that could still be accepted: a space that no longer admits me stays unnamed.
      const rows = [];
      for (const row of await pendingInvitationsFor(ctx.db, me, now)) {
        if (await usableInvitation(ctx.db, row, now)) rows.push(row);
      }
      const items = await presentSpaceInvitations(ctx.db, viewer, rows, now);
      const spaces = new Map<string, NonNullable<Awaited<ReturnType<typeof findSpaceById>>>>();
      for (const row of rows) {
        const space = await findSpaceById(ctx.db, row.space_id);
        if (space) spaces.set(space.id, space);
      }
      // The invitation itself reveals the space to its invitee, secret ones included.
      const summaries = new Map(
        (await presentSpaceSummaries(ctx.db, viewer, [...spaces.values()])).map((s) => [s.id, s]),
      );
      return {
        items: rows.flatMap((row, i) => {
          const space = summaries.get(row.space_id);
          const item = items[i];
          return space && item ? [{ ...item, space }] : [];
        }),
      };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/me/space-invitations/:id/accept',
    auth: 'user',
    schema: {
      tags,
      summary: 'Accept an invitation to a space',
      params: IdParams,
      response: { 200: MembershipSchema },
    },
    handler: async (request) => ({
      membership: await acceptSpaceInvitation(ctx, { actorId: viewerOf(request).id, id: request.params.id }),
    }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/me/space-invitations/:id/decline',
    auth: 'user',
    schema: {
      tags,
      summary: 'Decline an invitation to a space',
      params: IdParams,
      response: { 204: Type.Null() },
    },
    handler: async (request, reply) => {
      await declineSpaceInvitation(ctx, { actorId: viewerOf(request).id, id: request.params.id });
      return reply.status(204).send(null);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/space-invitations/preview',
    auth: 'public',
    rateLimit: { name: 'space-invitation-preview', max: 60, windowMs: 15 * 60_000 },
    schema: {
      tags,
      summary: 'Which space an emailed invitation is for, and from whom (for the accept page)',
      body: PreviewBody,
      response: { 200: PreviewSchema },
    },
    handler: async (request) => {
      const invitation = await findSpaceInvitationByTokenHash(ctx.db, sha256(request.body.token));
      if (!invitation || invitation.person_id !== null) throw tokenInvalid();
      const space = await usableInvitation(ctx.db, invitation, nowIso());
      if (!space) throw tokenInvalid();
      const inviter = await findPersonById(ctx.db, invitation.invited_by);
      return {
        email: invitation.email,
        space: { name: space.name, handle: space.handle, audience: space.audience },
        invitedBy: { name: inviter?.name ?? '' },
        personExists: (await findPersonByEmail(ctx.db, invitation.email)) !== undefined,
      };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/space-invitations/accept',
    auth: 'public',
    rateLimit: { name: 'space-invitation-accept', max: 30, windowMs: 15 * 60_000 },
    schema: {
      tags,
      summary: 'Accept an emailed invitation: creates the person, joins the space, signs in (single use)',
      body: AcceptBody,
      response: { 201: MeSchema },
    },
    handler: async (request, reply) => {
      const person = await acceptEmailedInvitation(ctx, { ...request.body, ip: request.ip ?? null });
      const { token } = await createSession(ctx.db, person.id, {
        ip: request.ip ?? null,
        userAgent: userAgentOf(request),
      });
      setSessionCookies(reply, ctx.config, token);
      return reply.status(201).send(presentMe(person, ctx.config, { token }));
    },
  });
}
