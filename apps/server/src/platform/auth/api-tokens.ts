import type { TokenScope } from '@atrium/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { nowIso } from '../db/time.ts';
import type { Actor } from './actor.ts';
import { sha256 } from './secrets.ts';

export const API_TOKEN_PREFIX = 'atr_';
const TOUCH_EVERY_MS = 60_000;

/** Resolves `Authorization: Bearer atr_…`; revoked, expired and deactivated owners' tokens fail. */
export async function actorFromApiToken(db: Kysely<DB>, token: string): Promise<Actor | undefined> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
  const now = nowIso();
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('people', 'people.id', 'api_tokens.person_id')
    .select([
      'api_tokens.id as token_id',
      'api_tokens.scopes',
      'api_tokens.expires_at',
      'api_tokens.revoked_at',
      'api_tokens.last_used_at',
      'people.id',
      'people.kind',
      'people.role',
      'people.name',
      'people.handle',
      'people.email',
      'people.status',
    ])
    .where('api_tokens.token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.status !== 'active' || row.revoked_at !== null) return undefined;
  if (row.expires_at !== null && row.expires_at <= now) return undefined;
  if (row.last_used_at === null || Date.parse(now) - Date.parse(row.last_used_at) > TOUCH_EVERY_MS) {
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.token_id).execute();
  }
  return {
    id: row.id,
    kind: row.kind,
    role: row.role,
    name: row.name,
    handle: row.handle,
    email: row.email,
    via: 'token',
    tokenId: row.token_id,
    scopes: row.scopes.split(',').filter((s): s is TokenScope => s === 'read' || s === 'write'),
  };
}
