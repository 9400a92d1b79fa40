import type { Kysely } from 'kysely';
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

/** Looks a session up by its secret; only active people with an unexpired session are actors. */
export async function actorFromSession(db: Kysely<DB>, token: string): Promise<Actor | undefined> {
  const now = nowIso();
  const row = await db
    .selectFrom('sessions')
    .innerJoin('people', 'people.id', 'sessions.person_id')
    .select([
      'sessions.id as session_id',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'people.id',
      'people.kind',
      'people.role',
      'people.name',
      'people.handle',
      'people.email',
      'people.status',
    ])
    .where('sessions.token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.status !== 'active' || row.expires_at <= now) return undefined;
  if (Date.parse(now) - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    // Sliding expiry, written at most once a minute per session to keep reads cheap.
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: isoIn(SESSION_TTL_MS) })
      .where('id', '=', row.session_id)
      .execute();
  }
  return {
    id: row.id,
    kind: row.kind,
    role: row.role,
    name: row.name,
    handle: row.handle,
    email: row.email,
    via: 'session',
    sessionId: row.session_id,
    sessionToken: token,
    scopes: ['read', 'write'],
  };
}
