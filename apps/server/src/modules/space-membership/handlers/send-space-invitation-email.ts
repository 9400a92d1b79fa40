import { randomToken, sha256 } from '../../../platform/auth/secrets.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { EventHandler } from '../../../platform/events/outbox.ts';
import { actionEmail } from '../../../platform/mail/render.ts';
import { findSpaceById } from '../../spaces/spaces.repository.ts';
import { spaceInvitationStatus } from '../membership.presenter.ts';
import { findSpaceInvitation } from '../membership.repository.ts';

/** Emails the link of an invitation addressed to a new email (existing people are invited in-app). */
export function sendSpaceInvitationEmail(ctx: AppContext): EventHandler {
  return {
    name: 'space-membership.send_invitation_email',
    events: ['space.invitation_created'],
    async handle(event) {
      const invitation = event.subjectId ? await findSpaceInvitation(ctx.db, event.subjectId) : undefined;
      // Revoked before delivery, or in-app: no email with a link.
      if (!invitation || invitation.person_id !== null) return;
      if (spaceInvitationStatus(invitation, new Date().toISOString()) !== 'pending') return;
      const found = await findSpaceById(ctx.db, invitation.space_id);
      if (!found) return;
      const { inviterName } = event.payload as { inviterName: string };
      // Minted right before sending: only its hash is stored, and a retry mints a new one, so only the
      // link in the latest email works.
      const token = randomToken('spi_');
      const rotated = await ctx.db
        .updateTable('space_invitations')
        .set({ token_hash: sha256(token) })
        .where('id', '=', invitation.id)
        .where('accepted_at', 'is', null)
        .where('declined_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(rotated.numUpdatedRows) !== 1) return;
      const secretLink = `${ctx.config.publicUrl}/spaces/invitations/accept#token=${token}`;
      // Names may hold line breaks; a subject is a single header line.
      const inviter = inviterName.replace(/\s+/g, ' ').trim();
      const space = found.name.replace(/\s+/g, ' ').trim();
      const body = actionEmail({
        heading: `${inviter} invited you to ${space}`,
        lines: [
          'Hello,',
          `${inviter} invited you to join the space "${space}" on Atrium.`,
          'The link works once and expires in 14 days.',
        ],
        actionLabel: 'Accept the invitation',
        actionUrl: secretLink,
        footer: 'If you did not expect this invitation, ignore this email.',
      });
      await ctx.mailer.send({
        to: invitation.email,
        subject: `${inviter} invited you to ${space} on Atrium`,
        ...body,
      });
    },
  };
}
