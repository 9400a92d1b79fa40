import type { TokenScope } from '@atrium/contracts';
import type { ApiTokensTable } from '../../platform/db/schema.ts';

export function presentToken(row: ApiTokensTable) {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes.split(',') as TokenScope[],
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
