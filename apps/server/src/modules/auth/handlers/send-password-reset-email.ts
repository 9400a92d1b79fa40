import type { AppContext } from '../../../platform/context.ts';
import type { EventHandler } from '../../../platform/events/outbox.ts';
import { actionEmail } from '../../../platform/mail/render.ts';

export function sendPasswordResetEmail(ctx: AppContext): EventHandler {
  return {
    name: 'auth.send_password_reset_email',
    events: ['auth.password_reset_requested'],
    async handle(event) {
      const { to, name, secretLink } = event.payload as { to: string; name: string; secretLink: string };
      const body = actionEmail({
        heading: 'Reset your Atrium password',
        lines: [
          `Hello ${name},`,
          'Someone asked to reset the password of your Atrium account. The link works once, for one hour.',
        ],
        actionLabel: 'Choose a new password',
        actionUrl: secretLink,
        footer: 'If this was not you, ignore this email: your password stays as it is.',
      });
      await ctx.mailer.send({ to, subject: 'Reset your Atrium password', ...body });
    },
  };
}
