import { LIMITS } from '@atrium/contracts';
import { Type } from 'typebox';
import { badRequest } from './errors.ts';

/** Opaque keyset cursors: base64url JSON of the last row's sort key. */
export const PageQuery = {
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: LIMITS.pageSize.max, default: LIMITS.pageSize.default }),
  ),
};

export const encodeCursor = (key: readonly (string | number)[]): string =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

export function decodeCursor(cursor: string | undefined, length: number): (string | number)[] | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === length &&
      parsed.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      return parsed;
    }
  } catch {
    // fall through
  }
  throw badRequest('The cursor is invalid.', [
    { path: 'query/cursor', message: 'is not a cursor from this API' },
  ]);
}

/** Takes limit+1 rows, returns one page and the cursor of the next one. */
export function page<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor = rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null;
  return { items, nextCursor };
}

export const pageSchema = <T extends import('typebox').TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
