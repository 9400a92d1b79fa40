import type { Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { nowIso } from '../platform/db/time.ts';
import type { Outbox } from '../platform/events/outbox.ts';
import { insertDemoExternals } from './demo-externals.ts';
import { DEMO_ADMIN_EMAIL, DEMO_SEED } from './demo-org.ts';
import { insertDemoSpaces } from './demo-spaces.ts';
import { createRandom } from './random.ts';

/** Marks the spaces stage, so a demo created before spaces existed gains them once. */
export const COMMUNITIES_MARKER = 'demo.communities_seeded';

export async function communitiesSeeded(trx: Transaction<DB>): Promise<boolean> {
  const row = await trx
    .selectFrom('settings')
    .select('key')
    .where('key', '=', COMMUNITIES_MARKER)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The demo's spaces and external communities: customers and partners (with the demo customer account,
 * whose password is `passwordHash` when known) and about 43 spaces. Runs in the caller's transaction.
 */
export async function seedCommunities(
  trx: Transaction<DB>,
  outbox: Outbox,
  passwordHash: string | null,
): Promise<{ spaces: number; externals: number }> {
  await trx
    .insertInto('settings')
    .values({ key: COMMUNITIES_MARKER, value: JSON.stringify({ seed: DEMO_SEED }), updated_at: nowIso() })
    .execute();
  const random = createRandom(DEMO_SEED + 1);
  const admin = await trx
    .selectFrom('people')
    .select('id')
    .where('email', '=', DEMO_ADMIN_EMAIL)
    .executeTakeFirst();
  if (!admin) throw new Error('the demo administrator is missing');
  const taken = await trx.selectFrom('people').select('handle').execute();
  const externals = await insertDemoExternals(trx, outbox, random, {
    passwordHash: passwordHash ?? '',
    takenHandles: new Set(taken.map((p) => p.handle)),
  });
  const spaces = await insertDemoSpaces(trx, outbox, random, { adminId: admin.id, externals });
  return { spaces, externals: externals.length };
}
