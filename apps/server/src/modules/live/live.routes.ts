import { LIVE_CLOSE_CODES, LIVE_LIMITS } from '@atrium/contracts';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { AppError, forbidden, unauthenticated } from '../../platform/http/errors.ts';
import { LiveGateway } from './gateway.ts';

const Problem = Type.Object({ code: Type.String(), title: Type.String() }, { additionalProperties: true });

/**
 * GET /api/v1/stream: the live WebSocket. Authenticated like any API route (401 before the upgrade);
 * a cookie-authenticated upgrade must come from the site's own origin, since browsers send cookies on
 * cross-site WebSocket handshakes (403 otherwise); an API token needs the read scope.
 */
export function registerLive(app: App, ctx: AppContext): LiveGateway {
  const gateway = new LiveGateway(ctx);
  gateway.start();
  app.addHook('preClose', async () => gateway.stop());
  const siteOrigin = new URL(ctx.config.publicUrl).origin;

  const checkOrigin = async (request: FastifyRequest) => {
    if (request.actor?.via !== 'session') return;
    const origin = request.headers.origin;
    if (typeof origin !== 'string' || !sameOrigin(origin, siteOrigin)) {
      throw forbidden('Live updates over a session are only for pages of this site.');
    }
  };
  const checkCapacity = async (request: FastifyRequest) => {
    const actor = request.actor;
    if (actor && gateway.socketsOf(actor.id) >= LIVE_LIMITS.maxSocketsPerPerson) {
      throw new AppError(
        429,
        'rate_limited',
        'Too many live connections',
        `At most ${LIVE_LIMITS.maxSocketsPerPerson} live connections per person: close another tab.`,
      );
    }
  };

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/stream',
    auth: 'user',
    schema: {
      tags: ['live'],
      summary: 'Live updates over a WebSocket (see the live protocol in the API contract)',
      response: { 401: Problem, 403: Problem, 426: Problem, 429: Problem },
    },
    preHandler: [checkOrigin, checkCapacity],
    // A plain GET (no upgrade) gets a clear answer instead of a hanging request.
    handler: async () => {
      throw new AppError(
        426,
        'validation_failed',
        'Upgrade required',
        'Connect with a WebSocket client.',
        undefined,
        {
          upgrade: 'websocket',
        },
      );
    },
    wsHandler: (socket, request) => {
      const actor = request.actor;
      if (!actor) {
        socket.close(LIVE_CLOSE_CODES.unauthenticated, unauthenticated().message);
        return;
      }
      gateway.accept(socket, actor);
    },
  });
  return gateway;
}

function sameOrigin(origin: string, expected: string): boolean {
  try {
    return new URL(origin).origin === expected;
  } catch {
    return false;
  }
}
