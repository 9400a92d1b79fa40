import type { Kysely } from 'kysely';
import { canSeePerson, type Viewer } from '../../platform/access/people.ts';
import { canReadSpace, canSeeSpace, membershipOf } from '../../platform/access/spaces.ts';
import { isValidTopic, normalizeTopic } from '../../platform/content/index.ts';
import type { Dialect } from '../../platform/db/connect.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { RecordsTable } from '../../platform/db/schema-conversation.ts';
import { badRequest, forbidden, notFound } from '../../platform/http/errors.ts';
import { findPersonById, type PersonRow } from '../people/people.repository.ts';
import { findReadableRecord } from '../records/record-access.ts';
import { loadVisibleSpace } from '../spaces/load-space.ts';
import { findSpaceById, type SpaceRow } from '../spaces/spaces.repository.ts';
import { topicIsVisible } from './feeds.repository.ts';

/**
 * The things feeds, follows and mutes point at, loaded through the access model: anything the viewer may
 * not know about answers 404 exactly like a missing one.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function requireUuid(id: string, path: string): string {
  if (!UUID.test(id)) throw badRequest('This is not an id.', [{ path, message: 'must be an id' }]);
  return id.toLowerCase();
}

/** A topic as typed, normalized (`#Machine_Learning` → `machine-learning`); 400 when it cannot be a topic. */
export function topicName(raw: string, path = 'params/name'): string {
  const name = normalizeTopic(raw);
  if (!isValidTopic(name)) {
    throw badRequest('This is not a topic name.', [
      { path, message: 'must be 2–50 letters, digits or dashes, with a letter' },
    ]);
  }
  return name;
}

/** A topic the viewer may know about: one carried by at least one live post they may read. */
export async function loadVisibleTopic(
  db: Kysely<DB>,
  dialect: Dialect,
  viewer: Viewer,
  raw: string,
  path = 'params/name',
): Promise<string> {
  const name = topicName(raw, path);
  if (!(await topicIsVisible(db, dialect, viewer, name))) throw notFound('No such topic.');
  return name;
}

/** A space whose posts the viewer may read: 404 when they may not see it, 403 when they see only its name. */
export async function loadReadableSpace(db: Kysely<DB>, viewer: Viewer, handle: string): Promise<SpaceRow> {
  const { space, membership } = await loadVisibleSpace(db, viewer, handle);
  if (!canReadSpace(viewer, space, membership)) {
    throw forbidden('Only members of this space can read its posts.');
  }
  return space;
}

/** A space by id that the viewer may see (mutes). */
export async function loadVisibleSpaceById(db: Kysely<DB>, viewer: Viewer, id: string): Promise<SpaceRow> {
  const space = await findSpaceById(db, requireUuid(id, 'params/id'));
  const membership = space ? await membershipOf(db, space.id, viewer.id) : undefined;
  if (!space || !canSeeSpace(viewer, space, membership)) throw notFound('No such space.');
  return space;
}

/** A person by id that the viewer may see (mutes). */
export async function loadVisiblePersonById(db: Kysely<DB>, viewer: Viewer, id: string): Promise<PersonRow> {
  const person = await findPersonById(db, requireUuid(id, 'params/id'));
  if (!person || !(await canSeePerson(db, viewer, person))) throw notFound('No such person.');
  return person;
}

export async function loadReadableRecord(db: Kysely<DB>, viewer: Viewer, id: string): Promise<RecordsTable> {
  const record = await findReadableRecord(db, viewer, id.toLowerCase());
  if (!record) throw notFound('No such record.');
  return record;
}
