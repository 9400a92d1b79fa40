import type { Transaction } from 'kysely';
import type { AppContext } from '../context.ts';
import type { DB } from '../db/schema.ts';

/** Runs a command in one transaction, then wakes the event dispatcher once the outbox rows are committed. */
export async function inTransaction<T>(
  ctx: AppContext,
  work: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  const result = await ctx.db.transaction().execute(work);
  ctx.outbox.notifyCommitted();
  return result;
}
