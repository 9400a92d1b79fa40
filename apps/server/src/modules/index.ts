import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/define-route.ts';
import { registerAuthRoutes } from './auth/auth.routes.ts';
import { sendPasswordResetEmail } from './auth/handlers/send-password-reset-email.ts';
import { registerSystemRoutes } from './system/system.routes.ts';

/** Every feature module: its routes and its event handlers. */
export function registerModules(app: App, ctx: AppContext): void {
  registerSystemRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
  ctx.outbox.register(sendPasswordResetEmail(ctx));
}
