import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/auth/actor.ts';
import { unauthenticated } from '../../platform/http/errors.ts';
import { decodeCursor } from '../../platform/http/pagination.ts';
import type { PersonRow } from './people.repository.ts';

/** The signed-in actor of a route declared with auth 'user' (always set there; typed as optional). */
export const actorOf = (request: FastifyRequest): Actor => {
  if (!request.actor) throw unauthenticated();
  return request.actor;
};

/** Keyset position from a (name, id) cursor. */
export const afterOf = (cursor: string | undefined) => {
  const key = decodeCursor(cursor, 2);
  return key ? { name: String(key[0]), id: String(key[1]) } : undefined;
};
export const keyOf = (row: PersonRow) => [row.name, row.id];
