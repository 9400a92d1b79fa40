import type { TokenScope } from '@atrium/contracts';
import type { Kysely } from 'kysely';
import { precompiled } from '../db/precompiled.ts';
import type { DB } from '../db/schema.ts';
import { nowIso } from '../db/time.ts';
import type { Actor } from './actor.ts';
import { sha256 } from './secrets.ts';
import { credentialOwner } from './sessions.ts';

export const API_TOKEN_PREFIX = 'atr_';
const TOUCH_EVERY_MS = 60_000;

const tokenByHash = precompiled(
  (db, hash: string) =>
    db
      .selectFrom('api_tokens')
      .select(['id', 'person_id', 'scopes', 'expires_at', 'revoked_at', 'last_used_at'])
      .where('token_hash', '=', hash),
  [''] as [string],
);

/** Resolves `Authorization: Bearer atr_…`; revoked, expired and deactivated owners' tokens fail. */
export async function actorFromApiToken(db: Kysely<DB>, token: string): Promise<Actor | undefined> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
  const now = nowIso();
  const row = await tokenByHash(db, sha256(token));
  if (!row || row.revoked_at !== null) return undefined;
  if (row.expires_at !== null && row.expires_at <= now) return undefined;
  const person = await credentialOwner(db, row.person_id);
  if (!person || person.status !== 'active') return undefined;
  if (row.last_used_at === null || Date.parse(now) - Date.parse(row.last_used_at) > TOUCH_EVERY_MS) {
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return {
    id: person.id,
    kind: person.kind,
    role: person.role,
    name: person.name,
    handle: person.handle,
    email: person.email,
    via: 'token',
    tokenId: row.id,
    scopes: row.scopes.split(',').filter((s): s is TokenScope => s === 'read' || s === 'write'),
  };
}
