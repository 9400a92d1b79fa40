import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

/**
 * Ends every session and revokes every API token of a person: after an account recovery nothing that a
 * previous holder of the account could have minted keeps working. Returns what was ended.
 */
export async function revokeAllCredentials(
  trx: Transaction<DB>,
  personId: string,
  now: string,
): Promise<{ sessionsEnded: number; tokensRevoked: number }> {
  const sessions = await trx.deleteFrom('sessions').where('person_id', '=', personId).executeTakeFirst();
  const tokens = await trx
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return { sessionsEnded: Number(sessions.numDeletedRows), tokensRevoked: Number(tokens.numUpdatedRows) };
}
