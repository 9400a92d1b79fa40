import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { nowIso } from '../../platform/db/time.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { unauthenticated } from '../../platform/http/errors.ts';
import { IdParams, SessionSchema } from './auth.schema.ts';
import { revokeSession } from './commands/end-session.ts';

/** My signed-in sessions (devices): list and revoke. Session-only: tokens cannot manage sessions. */
export function registerSessionRoutes(app: App, ctx: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/me/sessions',
    auth: 'user',
    tokens: false,
    schema: {
      tags: ['auth'],
      summary: 'My active sessions',
      response: { 200: Type.Object({ items: Type.Array(SessionSchema) }) },
    },
    handler: async (request) => {
      const actor = request.actor;
      if (!actor) throw unauthenticated();
      const rows = await ctx.db
        .selectFrom('sessions')
        .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
        .where('person_id', '=', actor.id)
        .where('expires_at', '>', nowIso())
        .orderBy('last_seen_at', 'desc')
        .limit(200)
        .execute();
      return {
        items: rows.map((row) => ({
          id: row.id,
          createdAt: row.created_at,
          lastSeenAt: row.last_seen_at,
          expiresAt: row.expires_at,
          ip: row.ip,
          userAgent: row.user_agent,
          current: row.id === actor.sessionId,
        })),
      };
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/me/sessions/:id',
    auth: 'user',
    tokens: false,
    schema: {
      tags: ['auth'],
      summary: 'Revoke one of my sessions',
      params: IdParams,
      response: { 204: Type.Null() },
    },
    handler: async (request, reply) => {
      const actor = request.actor;
      if (!actor) throw unauthenticated();
      await revokeSession(ctx, { personId: actor.id, sessionId: request.params.id });
      return reply.status(204).send(null);
    },
  });
}
