import type { AppContext } from '../../../platform/context.ts';
import type { EventHandler } from '../../../platform/events/outbox.ts';
import { notifyEligible } from '../notify-eligible.ts';

/**
 * A space invitation tells its invitee when they already have an account ('invitation'), named by the
 * invitation or found by its email, as their list of invitations finds it. It is addressed to them, so
 * it reaches them whoever sent it; the sender is shown only if they may see them.
 */
export function notifyOnSpaceInvitationCreated(ctx: AppContext): EventHandler {
  return {
    name: 'notifications.space-invitation-created',
    events: ['space.invitation_created'],
    async handle(event) {
      if (event.subjectId === null || event.actorId === null) return;
      const invitation = await ctx.db
        .selectFrom('space_invitations')
        .select(['id', 'space_id', 'email', 'person_id', 'invited_by'])
        .where('id', '=', event.subjectId)
        .where('accepted_at', 'is', null)
        .where('declined_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (!invitation) return;
      const invitee =
        invitation.person_id ??
        (
          await ctx.db
            .selectFrom('people')
            .select('id')
            .where('email', '=', invitation.email)
            .executeTakeFirst()
        )?.id;
      if (invitee === undefined) return;
      const actorId = invitation.invited_by;
      await notifyEligible(
        ctx,
        { type: 'invitation', actorId, spaceId: invitation.space_id, actorMustBeVisible: false },
        [invitee],
        (r) => ({
          recipientId: r.id,
          type: 'invitation',
          actorId,
          subjectType: 'invitation',
          subjectId: invitation.id,
          postId: null,
          spaceId: invitation.space_id,
          key: `invitation:${invitation.id}`,
          fold: false,
          data: { invitationId: invitation.id },
        }),
      );
    },
  };
}
