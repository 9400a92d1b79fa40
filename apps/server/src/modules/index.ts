import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/define-route.ts';
import { registerAdminRoutes } from './admin/admin.routes.ts';
import { registerAuthRoutes } from './auth/auth.routes.ts';
import { sendPasswordResetEmail } from './auth/handlers/send-password-reset-email.ts';
import { registerSessionRoutes } from './auth/sessions.routes.ts';
import { registerComments } from './comments/comments.routes.ts';
import { registerFeeds } from './feeds/feeds.routes.ts';
import { registerFiles } from './files/files.routes.ts';
import { sendInvitationEmail } from './invitations/handlers/send-invitation-email.ts';
import { registerInvitationRoutes } from './invitations/invitations.routes.ts';
import { registerLinkPreviews } from './link-previews/link-previews.routes.ts';
import { registerPeopleRoutes } from './people/people.routes.ts';
import { registerPosts } from './posts/posts.routes.ts';
import { registerReactions } from './reactions/reactions.routes.ts';
import { registerRecords } from './records/records.routes.ts';
import { registerSpaceMembership } from './space-membership/space-membership.routes.ts';
import { registerSpaces } from './spaces/spaces.routes.ts';
import { registerSystemRoutes } from './system/system.routes.ts';
import { registerTokenRoutes } from './tokens/tokens.routes.ts';

/** Every feature module: its routes and its event handlers. */
export function registerModules(app: App, ctx: AppContext): void {
  registerSystemRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
  registerPeopleRoutes(app, ctx);
  registerSessionRoutes(app, ctx);
  registerTokenRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  registerInvitationRoutes(app, ctx);
  registerSpaces(app, ctx);
  registerSpaceMembership(app, ctx);
  registerPosts(app, ctx);
  registerComments(app, ctx);
  registerReactions(app, ctx);
  registerFeeds(app, ctx);
  registerFiles(app, ctx);
  registerLinkPreviews(app, ctx);
  registerRecords(app, ctx);
  ctx.outbox.register(sendPasswordResetEmail(ctx));
  ctx.outbox.register(sendInvitationEmail(ctx));
}
