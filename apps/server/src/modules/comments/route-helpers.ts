import { decodeCursor } from '../../platform/http/pagination.ts';

/** Keyset position from an (id) cursor: comments and replies are listed oldest first by UUIDv7 id. */
export const afterIdOf = (cursor: string | undefined): string | undefined => {
  const key = decodeCursor(cursor, 1);
  return key ? String(key[0]) : undefined;
};

export const commentWriteRate = {
  name: 'comment-write',
  max: 120,
  windowMs: 60_000,
  key: (r: { actor?: { id: string } | undefined; ip: string }) => r.actor?.id ?? r.ip,
};
