import type { AppContext } from '../../platform/context.ts';
import type { App } from '../../platform/http/define-route.ts';
import { reevaluateRuleMemberships } from './handlers/reevaluate-rule-memberships.ts';
import { sendSpaceInvitationEmail } from './handlers/send-space-invitation-email.ts';
import { registerJoinRequestRoutes } from './join-requests.routes.ts';
import { registerMemberRoutes } from './members.routes.ts';
import { registerRuleRoutes } from './rules.routes.ts';
import { registerSpaceInvitationRoutes } from './space-invitations.routes.ts';

/** Space membership: members, joining, requests, invitations, rules; and its event handlers. */
export function registerSpaceMembership(app: App, ctx: AppContext): void {
  registerMemberRoutes(app, ctx);
  registerJoinRequestRoutes(app, ctx);
  registerSpaceInvitationRoutes(app, ctx);
  registerRuleRoutes(app, ctx);
  ctx.outbox.register(sendSpaceInvitationEmail(ctx));
  ctx.outbox.register(reevaluateRuleMemberships(ctx));
}
