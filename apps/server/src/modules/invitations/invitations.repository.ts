import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB, InvitationsTable } from '../../platform/db/schema.ts';
import type { InvitationStatus } from './invitations.schema.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export type InvitationRow = InvitationsTable;

export function findInvitationById(db: Executor, id: string): Promise<InvitationRow | undefined> {
  return db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findInvitationByTokenHash(db: Executor, hash: string): Promise<InvitationRow | undefined> {
  return db.selectFrom('invitations').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

/** The invitation still open for an email (pending, or expired but not yet replaced). */
export function findOpenInvitation(db: Executor, email: string): Promise<InvitationRow | undefined> {
  return db.selectFrom('invitations').selectAll().where('open_email', '=', email).executeTakeFirst();
}

export function listInvitations(
  db: Executor,
  filter: {
    status?: InvitationStatus | undefined;
    now: string;
    before?: [string, string] | undefined;
    limit: number;
  },
): Promise<InvitationRow[]> {
  let query = db.selectFrom('invitations').selectAll();
  const open = sql<boolean>`accepted_at is null and revoked_at is null`;
  switch (filter.status) {
    case 'pending':
      query = query.where(open).where('expires_at', '>', filter.now);
      break;
    case 'expired':
      query = query.where(open).where('expires_at', '<=', filter.now);
      break;
    case 'accepted':
      query = query.where('accepted_at', 'is not', null);
      break;
    case 'revoked':
      query = query.where('revoked_at', 'is not', null).where('accepted_at', 'is', null);
      break;
    default:
      break;
  }
  const before = filter.before;
  if (before) {
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', before[0]),
        eb.and([eb('created_at', '=', before[0]), eb('id', '<', before[1])]),
      ]),
    );
  }
  return query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
}

/**
 * Revokes every pending invitation an inviter sent: an invitation must not outlive its sender's authority
 * (deactivation, or losing the admin role). Returns how many were revoked.
 */
export async function revokePendingInvitationsFrom(
  trx: Transaction<DB>,
  inviterId: string,
  now: string,
): Promise<number> {
  const result = await trx
    .updateTable('invitations')
    .set({ revoked_at: now, open_email: null })
    .where('invited_by', '=', inviterId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
