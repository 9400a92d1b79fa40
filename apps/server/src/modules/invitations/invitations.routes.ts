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
import { peopleByIds } from '../admin/admin.repository.ts';
import { actorOf, textPair } from '../admin/admin.request.ts';
import { IdParams } from '../admin/admin.schema.ts';
import { presentMe } from '../auth/auth.presenter.ts';
import { setSessionCookies } from '../auth/session-cookies.ts';
import { findPersonById } from '../people/people.repository.ts';
import { MeSchema } from '../people/people.schema.ts';
import { acceptInvitation } from './commands/accept-invitation.ts';
import { createInvitation } from './commands/create-invitation.ts';
import { revokeInvitation } from './commands/revoke-invitation.ts';
import { invitationStatus, presentInvitation } from './invitations.presenter.ts';
import { findInvitationByTokenHash, listInvitations } from './invitations.repository.ts';
import {
  AcceptBody,
  InvitationCreateBody,
  InvitationListQuery,
  InvitationSchema,
  PreviewBody,
  PreviewSchema,
} from './invitations.schema.ts';

const userAgentOf = (request: FastifyRequest) =>
  typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : null;

export function registerInvitationRoutes(app: App, ctx: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/admin/invitations',
    auth: 'admin',
    schema: {
      tags: ['admin'],
      summary: 'Invitations, newest first (filter: status)',
      querystring: InvitationListQuery,
      response: { 200: pageSchema(InvitationSchema) },
    },
    handler: async (request) => {
      const now = nowIso();
      const limit = request.query.limit ?? LIMITS.pageSize.default;
      const rows = await listInvitations(ctx.db, {
        status: request.query.status,
        now,
        before: textPair(request.query.cursor),
        limit,
      });
      const result = page(rows, limit, (row) => [row.created_at, row.id]);
      const inviters = await peopleByIds(
        ctx.db,
        result.items.map((row) => row.invited_by),
      );
      return {
        items: result.items.map((row) => presentInvitation(row, inviters, now)),
        nextCursor: result.nextCursor,
      };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/admin/invitations',
    auth: 'admin',
    schema: {
      tags: ['admin'],
      summary: 'Invite someone by email (member if the domain is internal, else external)',
      body: InvitationCreateBody,
      response: { 201: InvitationSchema },
    },
    handler: async (request, reply) => {
      const { actorId, ip } = actorOf(request);
      const row = await createInvitation(ctx, {
        actorId,
        ip,
        inviterName: request.actor?.name ?? '',
        email: request.body.email,
        role: request.body.role,
      });
      const inviters = await peopleByIds(ctx.db, [actorId]);
      return reply.status(201).send(presentInvitation(row, inviters, nowIso()));
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/admin/invitations/:id',
    auth: 'admin',
    schema: {
      tags: ['admin'],
      summary: 'Revoke an invitation',
      params: IdParams,
      response: { 204: Type.Null() },
    },
    handler: async (request, reply) => {
      await revokeInvitation(ctx, { ...actorOf(request), id: request.params.id });
      return reply.status(204).send(null);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/invitations/preview',
    auth: 'public',
    // Tokens are 256-bit, so these limits guard the server (argon2 on accept), not the secret; an office
    // behind one address onboarding together must still fit.
    rateLimit: { name: 'invitation-preview', max: 60, windowMs: 15 * 60_000 },
    schema: {
      tags: ['invitations'],
      summary: 'Who is invited, as which kind, and by whom (for the accept page)',
      body: PreviewBody,
      response: { 200: PreviewSchema },
    },
    handler: async (request) => {
      const invitation = await findInvitationByTokenHash(ctx.db, sha256(request.body.token));
      if (!invitation || invitationStatus(invitation, nowIso()) !== 'pending') throw tokenInvalid();
      const inviter = await findPersonById(ctx.db, invitation.invited_by);
      return { email: invitation.email, kind: invitation.kind, invitedBy: { name: inviter?.name ?? '' } };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/invitations/accept',
    auth: 'public',
    rateLimit: { name: 'invitation-accept', max: 30, windowMs: 15 * 60_000 },
    schema: {
      tags: ['invitations'],
      summary: 'Accept an invitation: creates the person and signs them in (single use)',
      body: AcceptBody,
      response: { 201: MeSchema },
    },
    handler: async (request, reply) => {
      const person = await acceptInvitation(ctx, { ...request.body, ip: request.ip ?? null });
      const { token } = await createSession(ctx.db, person.id, {
        ip: request.ip ?? null,
        userAgent: userAgentOf(request),
      });
      setSessionCookies(reply, ctx.config, token);
      return reply.status(201).send(presentMe(person, ctx.config, { token }));
    },
  });
}
