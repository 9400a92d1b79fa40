import type { TokenScope } from '@atrium/contracts';
import { API_TOKEN_PREFIX } from '../../../platform/auth/api-tokens.ts';
import { randomToken, sha256 } from '../../../platform/auth/secrets.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { ApiTokensTable } from '../../../platform/db/schema.ts';
import { isoIn, newId, nowIso } from '../../../platform/db/time.ts';
import { conflict } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';

export const MAX_ACTIVE_TOKENS = 50;

/** Mints a personal API token; the secret is returned once and only its hash is kept. */
export async function createToken(
  ctx: AppContext,
  input: { personId: string; name: string; scopes: TokenScope[]; expiresInDays: number | null },
): Promise<{ row: ApiTokensTable; secret: string }> {
  const secret = randomToken(API_TOKEN_PREFIX);
  const scopes = (['read', 'write'] as const).filter((s) => input.scopes.includes(s));
  const row: ApiTokensTable = {
    id: newId(),
    person_id: input.personId,
    name: input.name.trim(),
    token_hash: sha256(secret),
    scopes: scopes.join(','),
    created_at: nowIso(),
    expires_at: input.expiresInDays === null ? null : isoIn(input.expiresInDays * 24 * 3600 * 1000),
    last_used_at: null,
    revoked_at: null,
  };
  await inTransaction(ctx, async (trx) => {
    const active = await trx
      .selectFrom('api_tokens')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('person_id', '=', input.personId)
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(active.n) >= MAX_ACTIVE_TOKENS) {
      throw conflict(`You already have ${MAX_ACTIVE_TOKENS} active tokens; revoke one first.`);
    }
    await trx.insertInto('api_tokens').values(row).execute();
    await ctx.outbox.record(trx, {
      name: 'auth.token_created',
      actorId: input.personId,
      subjectType: 'api_token',
      subjectId: row.id,
      payload: { name: row.name, scopes },
    });
  });
  return { row, secret };
}
