import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/define-route.ts';
import { registerAuthRoutes } from './auth/auth.routes.ts';
import { sendPasswordResetEmail } from './auth/handlers/send-password-reset-email.ts';
import { registerSessionRoutes } from './auth/sessions.routes.ts';
import { registerSystemRoutes } from './system/system.routes.ts';
import { registerTokenRoutes } from './tokens/tokens.routes.ts';

/** Every feature module: its routes and its event handlers. */
export function registerModules(app: App, ctx: AppContext): void {
  registerSystemRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
  registerSessionRoutes(app, ctx);
  registerTokenRoutes(app, ctx);
  ctx.outbox.register(sendPasswordResetEmail(ctx));
}
