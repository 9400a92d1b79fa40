import type { Kysely, Transaction } from 'kysely';
import type { DB } from './db/schema.ts';
import { newId, nowIso } from './db/time.ts';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  data?: Record<string, unknown>;
}

/** Writes one audit row, in the caller's transaction so the record and the change commit together. */
export async function audit(trx: Transaction<DB> | Kysely<DB>, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      id: newId(),
      actor_id: entry.actorId,
      action: entry.action,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId ?? null,
      ip: entry.ip ?? null,
      data: JSON.stringify(entry.data ?? {}),
      created_at: nowIso(),
    })
    .execute();
}
