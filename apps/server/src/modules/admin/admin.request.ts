import type { FastifyRequest } from 'fastify';
import { unauthenticated } from '../../platform/http/errors.ts';
import { decodeCursor } from '../../platform/http/pagination.ts';

/** The acting person and the request's address, as every audited command needs them. */
export function actorOf(request: FastifyRequest): { actorId: string; ip: string | null } {
  if (!request.actor) throw unauthenticated();
  return { actorId: request.actor.id, ip: request.ip ?? null };
}

/** A keyset cursor of two text parts, e.g. (name, id) or (created_at, id). */
export function textPair(cursor: string | undefined): [string, string] | undefined {
  const key = decodeCursor(cursor, 2);
  return key ? [String(key[0]), String(key[1])] : undefined;
}
