import { randomToken, sha256 } from '../../../platform/auth/secrets.ts';
import type { AppContext } from '../../../platform/context.ts';
import { isoIn, newId, nowIso } from '../../../platform/db/time.ts';
import type { EventHandler } from '../../../platform/events/outbox.ts';
import { actionEmail } from '../../../platform/mail/render.ts';
import { findPersonByEmail } from '../../people/people.repository.ts';
import { RESET_TTL_MS } from '../commands/request-password-reset.ts';

/**
 * Sends the reset link to an active person; unknown or deactivated emails get nothing. The token is minted
 * here so no secret is stored anywhere but as a hash; a retry mints another (each link works once).
 */
export function sendPasswordResetEmail(ctx: AppContext): EventHandler {
  return {
    name: 'auth.send_password_reset_email',
    events: ['auth.password_reset_requested'],
    async handle(event) {
      const { email } = event.payload as { email: string };
      const person = await findPersonByEmail(ctx.db, email);
      if (!person || person.status !== 'active') return;
      const token = randomToken('pr_');
      await ctx.db
        .insertInto('password_resets')
        .values({
          id: newId(),
          person_id: person.id,
          token_hash: sha256(token),
          created_at: nowIso(),
          expires_at: isoIn(RESET_TTL_MS),
          used_at: null,
        })
        .execute();
      const body = actionEmail({
        heading: 'Reset your Atrium password',
        lines: [
          `Hello ${person.name},`,
          'Someone asked to reset the password of your Atrium account. The link works once, for one hour.',
        ],
        actionLabel: 'Choose a new password',
        actionUrl: `${ctx.config.publicUrl}/reset-password#token=${token}`,
        footer: 'If this was not you, ignore this email: your password stays as it is.',
      });
      await ctx.mailer.send({ to: person.email, subject: 'Reset your Atrium password', ...body });
    },
  };
}
