import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import type { AppContext } from '../../platform/context.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { scopeOfToken, unsubscribe } from './commands/unsubscribe.ts';
import { installFormParser } from './form-parser.ts';
import {
  UnsubscribeBody,
  UnsubscribeCheck,
  UnsubscribeCheckQuery,
  UnsubscribeQuery,
  UnsubscribeResult,
} from './unsubscribe.schema.ts';

/** The token of a JSON or form body, if any; a body of another shape is refused. */
function tokenInBody(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (!Value.Check(UnsubscribeBody, body)) {
    throw badRequest('The body holds only a token (or the one-click form field).', [
      { path: 'body', message: 'must be { token } or List-Unsubscribe=One-Click' },
    ]);
  }
  return body.token;
}

const LIMIT = { name: 'unsubscribe-ip', max: 60, windowMs: 60_000 };

/**
 * The link is the credential: whoever is signed in in this browser (if anyone) plays no part, so a
 * session's CSRF check does not apply and cannot refuse a mail client's one-click POST.
 */
async function ignoreSession(request: FastifyRequest): Promise<void> {
  request.actor = undefined;
}

export function registerUnsubscribeRoutes(app: App, ctx: AppContext): void {
  // Form bodies are accepted here only (mail clients' one-click posts); every other route stays JSON-only.
  app.register(async (scoped: App) => {
    installFormParser(scoped);

    defineRoute(scoped, {
      method: 'POST',
      url: '/api/v1/unsubscribe',
      auth: 'public',
      rateLimit: LIMIT,
      preParsing: ignoreSession,
      schema: {
        tags: ['notifications'],
        summary: 'Turn off emails with a signed unsubscribe link (no session; RFC 8058 one-click)',
        querystring: UnsubscribeQuery,
        body: Type.Unknown({ description: 'Optional: { token } as JSON, or the one-click form' }),
        response: { 200: UnsubscribeResult },
      },
      handler: async (request) => {
        const token = request.query.token ?? tokenInBody(request.body);
        if (token === undefined) {
          throw badRequest('The unsubscribe token is missing.', [
            { path: 'query/token', message: 'is required' },
          ]);
        }
        return { unsubscribed: await unsubscribe(ctx, { token, ip: request.ip ?? null }) };
      },
    });
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/unsubscribe',
    auth: 'public',
    rateLimit: LIMIT,
    schema: {
      tags: ['notifications'],
      summary: 'What a signed unsubscribe link would turn off (changes nothing)',
      querystring: UnsubscribeCheckQuery,
      response: { 200: UnsubscribeCheck },
    },
    handler: async (request) => {
      const scope = scopeOfToken(ctx, request.query.token);
      return { scope, valid: scope !== null };
    },
  });
}
