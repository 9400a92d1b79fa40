import type { Config } from '../../config.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { csrfTokenFor } from '../../platform/http/auth-guard.ts';
import { presentSummary } from '../people/people.presenter.ts';
import type { PersonRow } from '../people/people.repository.ts';

/** The signed-in person, their CSRF token (sessions only) and what the client may offer them. */
export function presentMe(
  row: PersonRow,
  config: Config,
  actor: Pick<Actor, 'via' | 'sessionToken'> | { token: string },
) {
  const sessionToken =
    'token' in actor ? actor.token : actor.via === 'session' ? actor.sessionToken : undefined;
  return {
    person: { ...presentSummary(row), email: row.email },
    csrfToken: sessionToken ? csrfTokenFor(config.sessionSecret, sessionToken) : null,
    abilities: {
      administer: row.role === 'admin',
      moderate: row.role === 'admin' || row.role === 'moderator',
      browseDirectory: true,
    },
  };
}
