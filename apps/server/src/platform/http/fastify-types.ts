import type { Actor, AuthRequirement } from '../auth/actor.ts';
import type { AppContext } from '../context.ts';

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
    rateLimitStore: import('./rate-limit.ts').RateLimitStore;
  }
  interface FastifyRequest {
    actor: Actor | undefined;
  }
  interface FastifyContextConfig {
    auth?: AuthRequirement;
  }
}
