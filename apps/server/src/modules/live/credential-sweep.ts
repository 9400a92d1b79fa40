import { setImmediate as nextTurn } from 'node:timers/promises';
import { LIVE_CLOSE_CODES } from '@atrium/contracts';
import type { Executor } from '../../platform/db/executor.ts';
import { nowIso } from '../../platform/db/time.ts';
import type { LiveConnection } from './connection.ts';

/** Sockets checked per query: a few primary-key lookups, about a millisecond on SQLite. */
const BATCH = 500;

/**
 * Closes the sockets whose credential no longer holds although nothing said so: a session that expired
 * (sessions slide while used, so an open socket's may run out), an API token past its end, a person no
 * longer active. Sign-out, revocation and deactivation close sockets at once through the bus; this
 * catches what only time changes. One query per kind of credential per batch, a turn between batches.
 */
export async function sweepCredentials(
  db: Executor,
  connections: readonly LiveConnection[],
): Promise<number> {
  let closed = 0;
  for (let i = 0; i < connections.length; i += BATCH) {
    if (i > 0) await nextTurn();
    const batch = connections.slice(i, i + BATCH);
    const valid = await validCredentials(db, batch);
    for (const connection of batch) {
      const credential = connection.credential;
      const id = credential?.via === 'session' ? credential.sessionId : credential?.tokenId;
      if (id !== undefined && valid.has(id)) continue;
      connection.close(LIVE_CLOSE_CODES.unauthenticated, 'credentials ended');
      closed += 1;
    }
  }
  return closed;
}

async function validCredentials(db: Executor, batch: readonly LiveConnection[]): Promise<Set<string>> {
  const now = nowIso();
  const sessionIds: string[] = [];
  const tokenIds: string[] = [];
  for (const { credential } of batch) {
    if (credential?.via === 'session') sessionIds.push(credential.sessionId);
    else if (credential?.via === 'token') tokenIds.push(credential.tokenId);
  }
  const valid = new Set<string>();
  if (sessionIds.length > 0) {
    const rows = await db
      .selectFrom('sessions')
      .innerJoin('people', 'people.id', 'sessions.person_id')
      .select('sessions.id')
      .where('sessions.id', 'in', sessionIds)
      .where('sessions.expires_at', '>', now)
      .where('people.status', '=', 'active')
      .execute();
    for (const row of rows) valid.add(row.id);
  }
  if (tokenIds.length > 0) {
    const rows = await db
      .selectFrom('api_tokens')
      .innerJoin('people', 'people.id', 'api_tokens.person_id')
      .select('api_tokens.id')
      .where('api_tokens.id', 'in', tokenIds)
      .where('api_tokens.revoked_at', 'is', null)
      .where((eb) => eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>', now)]))
      .where('people.status', '=', 'active')
      .execute();
    for (const row of rows) valid.add(row.id);
  }
  return valid;
}
