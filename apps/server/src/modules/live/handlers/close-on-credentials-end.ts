import type { AppContext } from '../../../platform/context.ts';
import type { EventHandler } from '../../../platform/events/outbox.ts';
import type { LiveControl } from '../../../platform/realtime/bus.ts';

/**
 * Credentials that end close their sockets (4001): all of a deactivated person's, a revoked session's or
 * token's. A sign-out or a password change does not name the sessions it ended, so the person's sockets
 * have their credentials checked again and those whose session is gone close.
 */
export function closeOnCredentialsEnd(ctx: Pick<AppContext, 'bus'>): EventHandler {
  return {
    name: 'live.close_on_credentials_end',
    events: [
      'person.deactivated',
      'auth.session_revoked',
      'auth.token_revoked',
      'auth.signed_out',
      'auth.password_changed',
    ],
    async handle(event) {
      const control = controlFor(event.name, event.actorId, event.subjectId);
      if (control) ctx.bus.publish({ kind: 'control', control });
    },
  };
}

function controlFor(name: string, actorId: string | null, subjectId: string | null): LiveControl | undefined {
  switch (name) {
    case 'person.deactivated':
      return subjectId === null ? undefined : { type: 'close', personId: subjectId };
    case 'auth.session_revoked':
      return actorId === null || subjectId === null
        ? undefined
        : { type: 'close', personId: actorId, sessionId: subjectId };
    case 'auth.token_revoked':
      return actorId === null || subjectId === null
        ? undefined
        : { type: 'close', personId: actorId, tokenId: subjectId };
    default:
      return subjectId === null ? undefined : { type: 'recheck', personId: subjectId };
  }
}
