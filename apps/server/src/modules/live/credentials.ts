import type { Viewer } from '../../platform/access/people.ts';
import type { Executor } from '../../platform/db/executor.ts';
import { nowIso } from '../../platform/db/time.ts';
import type { LiveConnection } from './connection.ts';

/**
 * The socket's person as they are now, if the credential it was opened with still holds (the session
 * exists and has not expired, the token is neither revoked nor expired, the person is active);
 * undefined means the socket must close.
 */
export async function currentViewer(db: Executor, connection: LiveConnection): Promise<Viewer | undefined> {
  const person = await db
    .selectFrom('people')
    .select(['id', 'kind', 'role', 'status'])
    .where('id', '=', connection.personId)
    .executeTakeFirst();
  if (!person || person.status !== 'active') return undefined;
  const credential = connection.credential;
  if (!credential) return undefined;
  const now = nowIso();
  const found =
    credential.via === 'session'
      ? await db
          .selectFrom('sessions')
          .select('id')
          .where('id', '=', credential.sessionId)
          .where('person_id', '=', person.id)
          .where('expires_at', '>', now)
          .executeTakeFirst()
      : await db
          .selectFrom('api_tokens')
          .select('id')
          .where('id', '=', credential.tokenId)
          .where('person_id', '=', person.id)
          .where('revoked_at', 'is', null)
          .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
          .executeTakeFirst();
  return found ? { id: person.id, kind: person.kind, role: person.role } : undefined;
}
