import type { Kysely } from 'kysely';
import { precompiled } from '../db/precompiled.ts';
import type { DB } from '../db/schema.ts';
import { isoIn, newId, nowIso } from '../db/time.ts';
import type { Actor } from './actor.ts';
import { randomToken, sha256 } from './secrets.ts';

export const SESSION_COOKIE = 'atrium_session';
export const CSRF_COOKIE = 'atrium_csrf';
export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
const TOUCH_EVERY_MS = 60_000;

export async function createSession(
  db: Kysely<DB>,
  personId: string,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ id: string; token: string }> {
  const token = randomToken('as_');
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('sessions')
    .values({
      id,
      token_hash: sha256(token),
      person_id: personId,
      created_at: now,
      last_seen_at: now,
      expires_at: isoIn(SESSION_TTL_MS),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { id, token };
}

const sessionByHash = precompiled(
  (db, hash: string) =>
    db
      .selectFrom('sessions')
      .select(['id', 'person_id', 'last_seen_at', 'expires_at'])
      .where('token_hash', '=', hash),
  [''] as [string],
);

/** The person behind a credential, by primary key (two point lookups beat a join on SQLite). */
export const credentialOwner = precompiled(
  (db, id: string) =>
    db
      .selectFrom('people')
      .select(['id', 'kind', 'role', 'name', 'handle', 'email', 'status'])
      .where('id', '=', id),
  [''] as [string],
);

/** Looks a session up by its secret; only active people with an unexpired session are actors. */
export async function actorFromSession(db: Kysely<DB>, token: string): Promise<Actor | undefined> {
  const now = nowIso();
  const session = await sessionByHash(db, sha256(token));
  if (!session || session.expires_at <= now) return undefined;
  const person = await credentialOwner(db, session.person_id);
  if (!person || person.status !== 'active') return undefined;
  if (Date.parse(now) - Date.parse(session.last_seen_at) > TOUCH_EVERY_MS) {
    // Sliding expiry, written at most once a minute per session to keep reads cheap.
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: isoIn(SESSION_TTL_MS) })
      .where('id', '=', session.id)
      .execute();
  }
  return {
    id: person.id,
    kind: person.kind,
    role: person.role,
    name: person.name,
    handle: person.handle,
    email: person.email,
    via: 'session',
    sessionId: session.id,
    sessionToken: token,
    scopes: ['read', 'write'],
  };
}
