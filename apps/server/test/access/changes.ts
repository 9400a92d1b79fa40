import type { TestApp } from '../support/test-app.ts';
import { type Answer, call, hasRoute, type RouteRef, type Tally } from './probe.ts';
import {
  canSeePerson,
  canSeeSpace,
  isActive,
  mayBelong,
  mayJoin,
  ownersOf,
  type Person,
  personByHandle,
  roleIn,
  type Space,
  spaceByHandle,
  type World,
} from './reference-model.ts';
import type { BuiltWorld } from './world-db.ts';
import type { Change } from './worlds.ts';

/**
 * Applies generated changes through the real API, one by one, and keeps the model in step. The model
 * decides what must be accepted and what must be refused (an external person into an internal space,
 * a non-member into a secret one, a plain member removing someone, the last owner leaving); where the
 * documents leave the answer open (an archived space, an admin removing an owner) either answer is
 * accepted and the model follows what the system did, so the reads afterwards still check everything.
 */

export const CHANGE_ROUTES: Record<Change['type'], RouteRef> = {
  join: { method: 'POST', url: '/api/v1/spaces/:handle/join' },
  leave: { method: 'POST', url: '/api/v1/spaces/:handle/leave' },
  remove: { method: 'DELETE', url: '/api/v1/spaces/:handle/members/:personId' },
  invite: { method: 'POST', url: '/api/v1/spaces/:handle/invitations' },
  request: { method: 'POST', url: '/api/v1/spaces/:handle/join-requests' },
};

type Expect = 'ok' | 'refused' | 'not-found' | 'either' | 'unauthenticated';

const ok = (a: Answer) => a.status >= 200 && a.status < 300;
const refused = (a: Answer) => a.status >= 400 && a.status < 500 && a.status !== 401;

function verdict(expect: Expect, answer: Answer): string | undefined {
  const fine =
    expect === 'either'
      ? ok(answer) || refused(answer)
      : expect === 'ok'
        ? ok(answer)
        : expect === 'refused'
          ? refused(answer)
          : expect === 'not-found'
            ? answer.status === 404
            : answer.status === 401;
  return fine ? undefined : `expected ${expect}, got ${answer.status} ${JSON.stringify(answer.body)}`;
}

export interface ChangeLog {
  applied: number;
  skipped: number;
}

/** The person `by` stands for: null means "an owner of the space" (the likeliest to be allowed). */
function actorFor(world: World, by: string | null, space: Space): Person | undefined {
  if (by !== null) return personByHandle(world, by);
  const owner = ownersOf(world, space)[0];
  return owner ? personByHandle(world, owner) : undefined;
}

export async function applyChanges(
  app: TestApp,
  built: BuiltWorld,
  world: World,
  changes: Change[],
  tally: Tally,
): Promise<ChangeLog> {
  const log: ChangeLog = { applied: 0, skipped: 0 };
  for (const change of changes) {
    if (!hasRoute(app, CHANGE_ROUTES[change.type])) {
      log.skipped += 1;
      continue;
    }
    const space = spaceByHandle(world, change.space);
    const actor =
      change.type === 'remove' || change.type === 'invite' ? actorFor(world, change.by, space) : undefined;
    const person = personByHandle(world, change.person);
    const who = actor ?? person;
    const session = built.sessions.get(who.handle);
    if (!session) throw new Error(`no session for ${who.handle}`);
    const base = `/api/v1/spaces/${space.handle}`;
    let expect: Expect;
    let answer: Answer;
    let onSuccess: () => void = () => {};

    switch (change.type) {
      case 'join': {
        if (!isActive(person)) expect = 'unauthenticated';
        else if (roleIn(world, person, space)) expect = 'either';
        else if (!canSeeSpace(world, person, space)) expect = 'not-found';
        else if (!mayJoin(world, person, space)) expect = 'refused';
        else expect = space.archived ? 'either' : 'ok';
        answer = await call(app, session, 'POST', `${base}/join`);
        if (!roleIn(world, person, space))
          onSuccess = () =>
            world.memberships.push({ space: space.handle, person: person.handle, role: 'member' });
        break;
      }
      case 'leave': {
        const role = roleIn(world, person, space);
        const owners = ownersOf(world, space);
        if (!isActive(person)) expect = 'unauthenticated';
        else if (!role) expect = canSeeSpace(world, person, space) ? 'refused' : 'not-found';
        else if (role === 'owner' && owners.length === 1) expect = 'refused';
        else expect = space.archived ? 'either' : 'ok';
        answer = await call(app, session, 'POST', `${base}/leave`);
        onSuccess = () => removeMembership(world, space, person);
        break;
      }
      case 'remove': {
        if (!actor) {
          log.skipped += 1;
          continue;
        }
        if (actor.handle === person.handle) {
          // Removing oneself is leaving; not this path's business.
          log.skipped += 1;
          continue;
        }
        const by = roleIn(world, actor, space);
        const target = roleIn(world, person, space);
        const lastOwner = target === 'owner' && ownersOf(world, space).length === 1;
        if (!isActive(actor)) expect = 'unauthenticated';
        else if (!canSeeSpace(world, actor, space)) expect = 'not-found';
        else if (by !== 'owner' && by !== 'admin') expect = 'refused';
        else if (!target) expect = 'refused';
        else if (lastOwner) expect = 'refused';
        else if (target === 'owner' || (target === 'admin' && by === 'admin')) expect = 'either';
        else expect = space.archived ? 'either' : 'ok';
        answer = await call(app, session, 'DELETE', `${base}/members/${built.people.get(person.handle)?.id}`);
        onSuccess = () => removeMembership(world, space, person);
        break;
      }
      case 'invite': {
        if (!actor) {
          log.skipped += 1;
          continue;
        }
        const by = roleIn(world, actor, space);
        if (!isActive(actor)) expect = 'unauthenticated';
        else if (!canSeeSpace(world, actor, space)) expect = 'not-found';
        else if (by !== 'owner' && by !== 'admin') expect = 'refused';
        // One cannot invite a person one may not see (an external manager of a community, an employee
        // outside it): refused, like an unknown person.
        else if (!canSeePerson(world, actor, person)) expect = 'refused';
        // The invariant: an external person can never be invited into an internal space.
        else if (!mayBelong(person, space)) expect = 'refused';
        else if (roleIn(world, person, space) || !isActive(person) || space.archived) expect = 'either';
        else if (world.invitations.some((i) => i.space === space.handle && i.person === person.handle))
          expect = 'either';
        else expect = 'ok';
        answer = await call(app, session, 'POST', `${base}/invitations`, {
          personId: built.people.get(person.handle)?.id,
        });
        onSuccess = () => {
          if (!world.invitations.some((i) => i.space === space.handle && i.person === person.handle))
            world.invitations.push({ space: space.handle, person: person.handle, by: actor.handle });
        };
        break;
      }
      case 'request': {
        if (!isActive(person)) expect = 'unauthenticated';
        else if (!canSeeSpace(world, person, space)) expect = 'not-found';
        else if (roleIn(world, person, space)) expect = 'refused';
        else if (space.visibility !== 'private' || space.archived) expect = 'either';
        else if (!mayBelong(person, space)) expect = 'refused';
        else if (world.requests.some((r) => r.space === space.handle && r.person === person.handle))
          expect = 'either';
        else expect = 'ok';
        answer = await call(app, session, 'POST', `${base}/join-requests`, {});
        onSuccess = () => {
          if (!world.requests.some((r) => r.space === space.handle && r.person === person.handle))
            world.requests.push({ space: space.handle, person: person.handle });
        };
        break;
      }
    }
    const wrong = verdict(expect, answer);
    if (wrong) throw new Error(`change ${JSON.stringify(change)} as ${who.handle}: ${wrong}`);
    tally.add(`change:${change.type}`);
    log.applied += 1;
    if (ok(answer)) onSuccess();
  }
  return log;
}

function removeMembership(world: World, space: Space, person: Person): void {
  world.memberships = world.memberships.filter(
    (m) => !(m.space === space.handle && m.person === person.handle),
  );
}
