import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  ContextConfigDefault,
  FastifyBaseLogger,
  FastifyInstance,
  FastifySchema,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteOptions,
} from 'fastify';
import type { AuthRequirement } from '../auth/actor.ts';
import { authenticate, verifyCsrf } from './auth-guard.ts';
import { normalizeBody } from './normalize-hook.ts';
import { type RateLimitRule, rateLimiter } from './rate-limit.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

type TypedRoute<S extends FastifySchema> = RouteOptions<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  RouteGenericInterface,
  ContextConfigDefault,
  S,
  TypeBoxTypeProvider,
  FastifyBaseLogger
>;

export type RouteDefinition<S extends FastifySchema> = Omit<TypedRoute<S>, 'config' | 'onRequest'> & {
  auth: AuthRequirement;
  /**
   * Whether personal API tokens may call this route. Default: yes, except administrative changes
   * (`auth: 'admin'` with an unsafe method), which need a signed-in session so a leaked token cannot
   * grant roles, deactivate people or invite. False for credential management.
   */
  tokens?: boolean;
  rateLimit?: RateLimitRule | RateLimitRule[];
};

/**
 * The one way to add an API route: it demands an auth declaration, authenticates before validation,
 * normalizes text, applies the route's rate limits (after validation, so a rule may count per account),
 * then checks CSRF. A global per-IP limit (@fastify/rate-limit) runs before all of it.
 */
export function defineRoute<const S extends FastifySchema>(app: App, definition: RouteDefinition<S>): void {
  const { auth, tokens, rateLimit, preHandler, ...route } = definition;
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const changes = methods.some((m) => !['GET', 'HEAD', 'OPTIONS'].includes(String(m)));
  const allowTokens = tokens ?? !(auth === 'admin' && changes);
  const rules = rateLimit === undefined ? [] : Array.isArray(rateLimit) ? rateLimit : [rateLimit];
  const limiters = rules.length > 0 ? [rateLimiter(app.rateLimitStore, rules)] : [];
  const extra = preHandler === undefined ? [] : Array.isArray(preHandler) ? preHandler : [preHandler];
  app.route({
    ...route,
    config: { auth },
    onRequest: [authenticate(auth, { tokens: allowTokens })],
    preValidation: [normalizeBody],
    preHandler: [...limiters, verifyCsrf, ...extra],
  } as TypedRoute<S>);
}
