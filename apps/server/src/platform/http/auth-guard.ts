import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthRequirement } from '../auth/actor.ts';
import { actorFromApiToken } from '../auth/api-tokens.ts';
import { hmac, safeEqual } from '../auth/secrets.ts';
import { actorFromSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { AppError, forbidden, unauthenticated } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The CSRF token of a session: derived, so nothing extra is stored, and useless without the secret. */
export const csrfTokenFor = (secret: string, sessionToken: string): string =>
  hmac(secret, `csrf:${sessionToken}`);

/** onRequest: finds the actor (bearer token first, then session cookie) and enforces the route's demand. */
export function authenticate(requirement: AuthRequirement, options: { tokens: boolean }) {
  return async (request: FastifyRequest): Promise<void> => {
    const { db } = request.server.ctx;
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const actor = match?.[1] ? await actorFromApiToken(db, match[1]) : undefined;
      // A public route may read its own bearer secret (e.g. the metrics token); any other route refuses.
      if (!actor && requirement !== 'public') {
        throw new AppError(
          401,
          'unauthenticated',
          'Invalid token',
          'The API token is invalid, expired or revoked.',
        );
      }
      request.actor = actor;
    } else {
      const token = request.cookies[SESSION_COOKIE];
      request.actor = token ? await actorFromSession(db, token) : undefined;
    }
    const actor = request.actor;
    if (requirement === 'public') return;
    if (!actor) throw unauthenticated();
    if (actor.via === 'token') {
      if (!options.tokens) throw forbidden('This action needs a signed-in session, not an API token.');
      const scope = SAFE_METHODS.has(request.method) ? 'read' : 'write';
      if (!actor.scopes.includes(scope)) throw forbidden(`This API token lacks the "${scope}" scope.`);
    }
    if (requirement === 'member' && actor.kind !== 'member') throw forbidden();
    if (requirement === 'admin' && actor.role !== 'admin')
      throw forbidden('Only administrators can do this.');
  };
}

/** preHandler: cookie-authenticated unsafe requests must echo the CSRF token in a header. */
export async function verifyCsrf(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const actor = request.actor;
  if (SAFE_METHODS.has(request.method) || !actor || actor.via !== 'session' || !actor.sessionToken) return;
  const sent = request.headers['x-csrf-token'];
  const expected = csrfTokenFor(request.server.ctx.config.sessionSecret, actor.sessionToken);
  if (typeof sent !== 'string' || !safeEqual(sent, expected)) {
    throw new AppError(403, 'csrf_failed', 'CSRF check failed', 'Reload the page and try again.');
  }
}
