import type { PostTargetType } from '@atrium/contracts';
import type { Static } from 'typebox';
import { canSeePerson, type Viewer } from '../../platform/access/people.ts';
import { canReadPost } from '../../platform/access/posts.ts';
import { canSeeSpace, type Membership, membershipOf } from '../../platform/access/spaces.ts';
import { badRequest, forbidden, notFound } from '../../platform/http/errors.ts';
import { streamOf } from '../feeds/stream-heads.ts';
import type { Executor } from '../people/people.repository.ts';
import { findSpaceById, type SpaceRow } from '../spaces/spaces.repository.ts';
import { canPostInSpace } from './posts.policy.ts';
import type { TargetInput } from './posts.schema.ts';

export type PostTargetInput = Static<typeof TargetInput>;

/** A target resolved to the post columns it sets, with the space (and the actor's membership) if any. */
export interface ResolvedTarget {
  type: PostTargetType;
  stream: string;
  spaceId: string | null;
  profileId: string | null;
  recordId: string | null;
  space: SpaceRow | undefined;
  membership: Membership | undefined;
}

function resolved(
  target: PostTargetInput,
  parts: Partial<Pick<ResolvedTarget, 'space' | 'membership' | 'spaceId' | 'profileId' | 'recordId'>>,
): ResolvedTarget {
  return {
    type: target.type,
    stream: streamOf(target),
    spaceId: parts.spaceId ?? null,
    profileId: parts.profileId ?? null,
    recordId: parts.recordId ?? null,
    space: parts.space,
    membership: parts.membership,
  };
}

async function loadPerson(db: Executor, id: string) {
  return db.selectFrom('people').select(['id', 'status']).where('id', '=', id).executeTakeFirst();
}

async function recordExists(db: Executor, id: string): Promise<boolean> {
  const row = await db.selectFrom('records').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

/**
 * Where the actor wants to post, checked: 404 for a space, person or record they may not know about
 * (exactly like a missing one), 403 when they may see it but not post there.
 */
export async function resolvePostTarget(
  db: Executor,
  actor: Viewer,
  target: PostTargetInput,
): Promise<ResolvedTarget> {
  switch (target.type) {
    case 'company':
      if (actor.kind !== 'member') throw forbidden('Only employees post to the company feed.');
      return resolved(target, {});
    case 'space': {
      const space = await findSpaceById(db, target.id);
      const membership = space ? await membershipOf(db, space.id, actor.id) : undefined;
      if (!space || !canSeeSpace(actor, space, membership)) throw notFound('No such space.');
      if (space.archived_at !== null) throw forbidden('This space is archived: it takes no new posts.');
      if (!canPostInSpace(actor, space, membership))
        throw forbidden('Only members of this space post in it.');
      return resolved(target, { space, membership, spaceId: space.id });
    }
    case 'person': {
      if (actor.kind !== 'member') throw forbidden('Only employees post on profiles.');
      const person = await loadPerson(db, target.id);
      if (!person || !(await canSeePerson(db, actor, person))) throw notFound('No such person.');
      if (person.status !== 'active') throw forbidden('This person is deactivated.');
      return resolved(target, { profileId: person.id });
    }
    case 'record':
      if (actor.kind !== 'member') throw forbidden('Only employees post on records.');
      if (!(await recordExists(db, target.id))) throw notFound('No such record.');
      return resolved(target, { recordId: target.id });
  }
}

/**
 * The record a new post is about: a record target's own record, or in a space a record shared into it.
 * Anything else is a 400 (nothing about the record is revealed beyond "not shared here").
 */
export async function recordOfNewPost(
  db: Executor,
  target: ResolvedTarget,
  recordId: string | undefined,
): Promise<string | null> {
  if (target.type === 'record') {
    if (recordId !== undefined && recordId !== target.recordId) {
      throw badRequest('A post on a record is about that record.', [
        { path: 'body/recordId', message: 'must be the target record' },
      ]);
    }
    return target.recordId;
  }
  if (recordId === undefined) return null;
  if (target.type !== 'space' || target.spaceId === null) {
    throw badRequest('Only posts in a space or on a record may name a record.', [
      { path: 'body/recordId', message: 'is only allowed with a space target' },
    ]);
  }
  const share = await db
    .selectFrom('record_shares')
    .select('record_id')
    .where('record_id', '=', recordId)
    .where('space_id', '=', target.spaceId)
    .executeTakeFirst();
  if (!share) {
    throw badRequest('This record is not shared into this space.', [
      { path: 'body/recordId', message: 'is not shared into the target space' },
    ]);
  }
  return recordId;
}

/**
 * A target the viewer may read (mention suggestions): `undefined` when they may not, which callers answer
 * with 404. Readability is `canReadPost` for a post that would be made there.
 */
export async function findReadableTarget(
  db: Executor,
  viewer: Viewer,
  type: PostTargetType,
  id: string | undefined,
): Promise<ResolvedTarget | undefined> {
  if (type === 'company') {
    const readable = canReadPost(
      viewer,
      { target_type: 'company', space_id: null, deleted_at: null },
      undefined,
      undefined,
    );
    return readable ? resolved({ type }, {}) : undefined;
  }
  if (id === undefined) return undefined;
  if (type === 'space') {
    const space = await findSpaceById(db, id);
    if (!space) return undefined;
    const membership = await membershipOf(db, space.id, viewer.id);
    const facts = { target_type: type, space_id: space.id, deleted_at: null };
    if (!canReadPost(viewer, facts, space, membership)) return undefined;
    return resolved({ type, id }, { space, membership, spaceId: space.id });
  }
  const facts = { target_type: type, space_id: null, deleted_at: null };
  if (!canReadPost(viewer, facts, undefined, undefined)) return undefined;
  if (type === 'person') {
    const person = await loadPerson(db, id);
    if (!person || !(await canSeePerson(db, viewer, person))) return undefined;
    return resolved({ type, id }, { profileId: id });
  }
  return (await recordExists(db, id)) ? resolved({ type, id }, { recordId: id }) : undefined;
}
