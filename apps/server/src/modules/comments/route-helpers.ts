import { decodeCursor } from '../../platform/http/pagination.ts';
import { perActor } from '../../platform/http/rate-limit.ts';

/** Keyset position from an (id) cursor: comments and replies are listed oldest first by UUIDv7 id. */
export const afterIdOf = (cursor: string | undefined): string | undefined => {
  const key = decodeCursor(cursor, 1);
  return key ? String(key[0]) : undefined;
};

export const commentWriteRate = perActor('comment-write', 120);
