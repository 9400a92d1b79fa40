import { randomToken, sha256 } from '../../../platform/auth/secrets.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { EventHandler } from '../../../platform/events/outbox.ts';
import { actionEmail } from '../../../platform/mail/render.ts';
import { invitationStatus } from '../invitations.presenter.ts';
import { findInvitationById } from '../invitations.repository.ts';

export function sendInvitationEmail(ctx: AppContext): EventHandler {
  return {
    name: 'invitations.send_invitation_email',
    events: ['person.invited'],
    async handle(event) {
      // An invitation revoked before delivery must not reach the inbox with a link.
      const invitation = event.subjectId ? await findInvitationById(ctx.db, event.subjectId) : undefined;
      if (!invitation || invitationStatus(invitation, new Date().toISOString()) !== 'pending') return;
      const { to, inviterName } = event.payload as { to: string; inviterName: string };
      // The token is minted here, right before sending: only its hash is stored, and a retry mints a new
      // one, so only the link in the latest email works.
      const token = randomToken('inv_');
      const rotated = await ctx.db
        .updateTable('invitations')
        .set({ token_hash: sha256(token) })
        .where('id', '=', invitation.id)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(rotated.numUpdatedRows) !== 1) return;
      const secretLink = `${ctx.config.publicUrl}/invitations/accept#token=${token}`;
      // Names may hold line breaks; a subject is a single header line.
      const inviter = inviterName.replace(/\s+/g, ' ').trim();
      const body = actionEmail({
        heading: `${inviter} invited you to Atrium`,
        lines: [
          'Hello,',
          `${inviter} invited you to join your organization on Atrium.`,
          'The link works once and expires in 7 days.',
        ],
        actionLabel: 'Accept the invitation',
        actionUrl: secretLink,
        footer: 'If you did not expect this invitation, ignore this email.',
      });
      await ctx.mailer.send({ to, subject: `${inviter} invited you to Atrium`, ...body });
    },
  };
}
