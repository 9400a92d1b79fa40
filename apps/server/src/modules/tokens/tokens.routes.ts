import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { unauthenticated } from '../../platform/http/errors.ts';
import { IdParams } from '../../platform/http/schema-parts.ts';
import { createToken } from './commands/create-token.ts';
import { revokeToken } from './commands/revoke-token.ts';
import { presentToken } from './tokens.presenter.ts';
import { CreatedTokenSchema, CreateTokenBody, TokenSchema } from './tokens.schema.ts';

/** Personal API tokens: managed only from a signed-in session, never with a token. */
export function registerTokenRoutes(app: App, ctx: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/me/tokens',
    auth: 'user',
    tokens: false,
    schema: {
      tags: ['tokens'],
      summary: 'My API tokens',
      response: { 200: Type.Object({ items: Type.Array(TokenSchema) }) },
    },
    handler: async (request) => {
      if (!request.actor) throw unauthenticated();
      const rows = await ctx.db
        .selectFrom('api_tokens')
        .selectAll()
        .where('person_id', '=', request.actor.id)
        .orderBy('created_at', 'desc')
        .limit(200)
        .execute();
      return { items: rows.map(presentToken) };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/me/tokens',
    auth: 'user',
    tokens: false,
    rateLimit: { name: 'token-create', max: 20, windowMs: 60 * 60_000, key: (r) => r.actor?.id ?? r.ip },
    schema: {
      tags: ['tokens'],
      summary: 'Create an API token (the secret is shown once)',
      body: CreateTokenBody,
      response: { 201: CreatedTokenSchema },
    },
    handler: async (request, reply) => {
      if (!request.actor) throw unauthenticated();
      const { row, secret } = await createToken(ctx, { personId: request.actor.id, ...request.body });
      return reply.status(201).send({ token: presentToken(row), secret });
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/me/tokens/:id',
    auth: 'user',
    tokens: false,
    schema: {
      tags: ['tokens'],
      summary: 'Revoke an API token',
      params: IdParams,
      response: { 204: Type.Null() },
    },
    handler: async (request, reply) => {
      if (!request.actor) throw unauthenticated();
      await revokeToken(ctx, { personId: request.actor.id, tokenId: request.params.id });
      return reply.status(204).send(null);
    },
  });
}
