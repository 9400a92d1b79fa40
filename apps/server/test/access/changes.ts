import { type SmtpSink, tokenFromLink } from '../support/smtp-sink.ts';
import type { TestApp } from '../support/test-app.ts';
import { type Answer, call, hasRoute, type RouteRef, type Tally } from './probe.ts';
import {
  invitationUsable,
  mayBelong,
  mayJoin,
  ownersOf,
  requestUsable,
  voidUnadmitted,
} from './reference-invitations.ts';
import {
  canSeePerson,
  canSeeSpace,
  INTERNAL_DOMAIN,
  isActive,
  type Person,
  personByHandle,
  roleIn,
  type Space,
  spaceByHandle,
  type World,
} from './reference-model.ts';
import { livePosts } from './reference-posts.ts';
import type { BuiltWorld } from './world-db.ts';
import type { Change } from './worlds.ts';

/**
 * Applies generated changes through the real API, one by one, and keeps the model in step. The model
 * decides what must be accepted and what must be refused (an external person into an internal space,
 * a non-member into a secret one, a plain member removing someone, the last owner leaving, an internal
 * space made external without confirmation, an external space made internal while externals belong, an
 * invitation or join request accepted or approved after the space stopped admitting its person); where the
 * documents leave the answer open (an archived space, an admin removing an owner) either answer is
 * accepted and the model follows what the system did, so the reads afterwards still check everything.
 */

export const CHANGE_ROUTES: Record<Change['type'], RouteRef> = {
  join: { method: 'POST', url: '/api/v1/spaces/:handle/join' },
  leave: { method: 'POST', url: '/api/v1/spaces/:handle/leave' },
  remove: { method: 'DELETE', url: '/api/v1/spaces/:handle/members/:personId' },
  invite: { method: 'POST', url: '/api/v1/spaces/:handle/invitations' },
  request: { method: 'POST', url: '/api/v1/spaces/:handle/join-requests' },
  settings: { method: 'PATCH', url: '/api/v1/spaces/:handle' },
  archive: { method: 'POST', url: '/api/v1/spaces/:handle/archive' },
  inviteEmail: { method: 'POST', url: '/api/v1/spaces/:handle/invitations' },
  accept: { method: 'POST', url: '/api/v1/me/space-invitations/:id/accept' },
  approve: { method: 'POST', url: '/api/v1/spaces/:handle/join-requests/:id/approve' },
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

export interface ChangeEnv {
  app: TestApp;
  built: BuiltWorld;
  world: World;
  tally: Tally;
  /** Where the invitation emails land; without one, emailed invitations are made but their links not read. */
  sink?: SmtpSink | undefined;
  /** Called right after events were delivered mid-way, while the model is as it was then. */
  onDrained?: (() => void) | undefined;
}

export async function applyChanges(
  app: TestApp,
  built: BuiltWorld,
  world: World,
  changes: Change[],
  tally: Tally,
  sink?: SmtpSink,
  onDrained?: () => void,
): Promise<ChangeLog> {
  const log: ChangeLog = { applied: 0, skipped: 0 };
  const env: ChangeEnv = { app, built, world, tally, sink, onDrained };
  for (const change of changes) await applyOne(env, change, log);
  return log;
}

/** The address an emailed invitation goes to: on the internal domain, or outside it. */
export const guestAddress = (internalDomain: boolean, n: number): string =>
  `guest${n}@${internalDomain ? INTERNAL_DOMAIN : 'partner.test'}`;

async function applyOne(env: ChangeEnv, change: Change, log: ChangeLog): Promise<void> {
  const { app, built, world, tally } = env;
  if (!hasRoute(app, CHANGE_ROUTES[change.type])) {
    log.skipped += 1;
    return;
  }
  const space = spaceByHandle(world, change.space);
  const byOwner = ['settings', 'archive', 'inviteEmail', 'approve'].includes(change.type);
  const actor =
    change.type === 'remove' || change.type === 'invite'
      ? actorFor(world, change.by, space)
      : byOwner
        ? actorFor(world, null, space)
        : undefined;
  if ((byOwner || change.type === 'remove' || change.type === 'invite') && !actor) {
    log.skipped += 1;
    return;
  }
  const person = 'person' in change ? personByHandle(world, change.person) : undefined;
  const who = actor ?? person;
  if (!who) throw new Error(`no actor for ${JSON.stringify(change)}`);
  const session = built.sessions.get(who.handle);
  if (!session) throw new Error(`no session for ${who.handle}`);
  const base = `/api/v1/spaces/${space.handle}`;
  let expect: Expect;
  let answer: Answer;
  let onSuccess: (answer: Answer) => void | Promise<void> = () => {};

  switch (change.type) {
    case 'join': {
      const person = personByHandle(world, change.person);
      if (!isActive(person)) expect = 'unauthenticated';
      else if (roleIn(world, person, space)) expect = 'either';
      else if (!canSeeSpace(world, person, space)) expect = 'not-found';
      else if (!mayJoin(world, person, space)) expect = 'refused';
      else expect = space.archived ? 'either' : 'ok';
      answer = await call(app, session, 'POST', `${base}/join`);
      if (!roleIn(world, person, space)) onSuccess = () => addMembership(world, space, person);
      break;
    }
    case 'leave': {
      const person = personByHandle(world, change.person);
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
      const person = personByHandle(world, change.person);
      if (!actor || actor.handle === person.handle) {
        // Removing oneself is leaving; not this path's business.
        log.skipped += 1;
        return;
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
      const person = personByHandle(world, change.person);
      if (!actor) return;
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
      onSuccess = (a) => {
        world.invitations = world.invitations.filter(
          (i) => !(i.space === space.handle && i.person === person.handle),
        );
        world.invitations.push({
          space: space.handle,
          person: person.handle,
          by: actor.handle,
          id: a.body?.id,
        });
      };
      break;
    }
    case 'request': {
      const person = personByHandle(world, change.person);
      if (!isActive(person)) expect = 'unauthenticated';
      else if (!canSeeSpace(world, person, space)) expect = 'not-found';
      else if (roleIn(world, person, space)) expect = 'refused';
      // Secret spaces take no requests (invitation only), members of them included.
      else if (space.visibility === 'secret') expect = 'refused';
      else if (space.visibility !== 'private' || space.archived) expect = 'either';
      else if (!mayBelong(person, space)) expect = 'refused';
      else if (world.requests.some((r) => r.space === space.handle && r.person === person.handle))
        expect = 'either';
      else expect = 'ok';
      answer = await call(app, session, 'POST', `${base}/join-requests`, {});
      onSuccess = (a) => {
        world.requests = world.requests.filter(
          (r) => !(r.space === space.handle && r.person === person.handle),
        );
        world.requests.push({ space: space.handle, person: person.handle, id: a.body?.id });
      };
      break;
    }
    case 'settings': {
      if (!actor) return;
      const audience = change.audience ?? space.audience;
      const visibility = change.visibility ?? space.visibility;
      const closing = space.audience === 'external' && audience === 'internal';
      const opening = space.audience === 'internal' && audience === 'external';
      const members = world.memberships
        .filter((m) => m.space === space.handle)
        .map((m) => ({ role: m.role, person: personByHandle(world, m.person) }));
      if (closing && change.evict && isActive(actor)) {
        // Remove the external members first, through the API, like an owner who means it.
        for (const m of members)
          if (m.person.kind === 'external' && m.role !== 'owner')
            await applyOne(
              env,
              { type: 'remove', by: actor.handle, person: m.person.handle, space: space.handle },
              log,
            );
      }
      const externals = world.memberships
        .filter((m) => m.space === space.handle)
        .map((m) => personByHandle(world, m.person))
        .filter((p) => p.kind === 'external');
      const nonOwners = members.filter((m) => m.role !== 'owner').map((m) => m.person);
      const payload: Record<string, unknown> = {};
      if (change.audience) payload.audience = change.audience;
      if (change.visibility) payload.visibility = change.visibility;
      if (opening && change.confirm) payload.confirmAudienceChange = true;
      if (!isActive(actor)) expect = 'unauthenticated';
      // The invariant: never an external person in an internal space.
      else if (closing && externals.some(isActive)) expect = 'refused';
      else if (closing && externals.length > 0) expect = 'either';
      // Opening an internal space with members or posts to customers and partners takes a confirmation.
      else if (opening && !change.confirm && (nonOwners.some(isActive) || hasPosts(world, space)))
        expect = 'refused';
      else if (opening && !change.confirm && nonOwners.length > 0) expect = 'either';
      else expect = space.archived ? 'either' : 'ok';
      answer = await call(app, session, 'PATCH', base, payload);
      onSuccess = () => {
        space.audience = audience;
        space.visibility = visibility;
        voidUnadmitted(world, space);
      };
      break;
    }
    case 'archive': {
      if (!actor) return;
      expect = isActive(actor) ? 'ok' : 'unauthenticated';
      answer = await call(app, session, 'POST', `${base}/${change.archived ? 'archive' : 'restore'}`);
      onSuccess = () => {
        space.archived = change.archived;
      };
      break;
    }
    case 'inviteEmail': {
      if (!actor) return;
      const email = guestAddress(change.internalDomain, change.n);
      if (!isActive(actor)) expect = 'unauthenticated';
      // An internal space refuses addresses outside the internal domains.
      else if (space.audience === 'internal' && !change.internalDomain) expect = 'refused';
      else if (space.archived) expect = 'either';
      else if (world.emailInvitations.some((e) => e.space === space.handle && e.email === email))
        expect = 'either';
      else expect = 'ok';
      answer = await call(app, session, 'POST', `${base}/invitations`, { email });
      onSuccess = async () => {
        world.emailInvitations = world.emailInvitations.filter(
          (e) => !(e.space === space.handle && e.email === email),
        );
        let token: string | undefined;
        if (env.sink) {
          // The outbox handler sends the email with the link; its token is what the preview takes.
          await app.drainEvents();
          env.onDrained?.();
          const mail = await env.sink.nextTo(email);
          token = tokenFromLink(mail.text, '/spaces/invitations/accept');
        }
        world.emailInvitations.push({
          space: space.handle,
          email,
          internalDomain: change.internalDomain,
          by: actor.handle,
          ...(token ? { token } : {}),
        });
      };
      break;
    }
    case 'accept': {
      const person = personByHandle(world, change.person);
      const invitation = world.invitations.find(
        (i) => i.space === space.handle && i.person === person.handle && i.id,
      );
      if (!invitation) {
        log.skipped += 1;
        return;
      }
      if (!isActive(person)) expect = 'unauthenticated';
      // The invariant: an invitation sent while the space admitted the invitee never lets them in after.
      else if (!mayBelong(person, space)) expect = 'refused';
      // Archiving stops new members.
      else if (space.archived) expect = 'refused';
      else if (invitationUsable(world, invitation)) expect = 'ok';
      else expect = 'either';
      answer = await call(app, session, 'POST', `/api/v1/me/space-invitations/${invitation.id}/accept`);
      onSuccess = () => {
        if (!roleIn(world, person, space)) addMembership(world, space, person);
        world.invitations = world.invitations.filter((i) => i !== invitation);
      };
      break;
    }
    case 'approve': {
      if (!actor) return;
      const person = personByHandle(world, change.person);
      const request = world.requests.find(
        (r) => r.space === space.handle && r.person === person.handle && r.id,
      );
      if (!request) {
        log.skipped += 1;
        return;
      }
      if (!isActive(actor)) expect = 'unauthenticated';
      // The invariant: a request made while the space admitted the requester never lets them in after.
      else if (!mayBelong(person, space)) expect = 'refused';
      // Secret spaces take no requests; archiving stops new members.
      else if (space.visibility === 'secret' || space.archived) expect = 'refused';
      else if (requestUsable(world, request) && isActive(person)) expect = 'ok';
      else expect = 'either';
      answer = await call(app, session, 'POST', `${base}/join-requests/${request.id}/approve`);
      onSuccess = () => {
        if (!roleIn(world, person, space)) addMembership(world, space, person);
        world.requests = world.requests.filter((r) => r !== request);
      };
      break;
    }
  }
  const wrong = verdict(expect, answer);
  if (wrong) throw new Error(`change ${JSON.stringify(change)} as ${who.handle}: ${wrong}`);
  tally.add(`change:${change.type}`);
  log.applied += 1;
  if (ok(answer)) await onSuccess(answer);
}

function addMembership(world: World, space: Space, person: Person): void {
  world.memberships.push({ space: space.handle, person: person.handle, role: 'member' });
}

function removeMembership(world: World, space: Space, person: Person): void {
  world.memberships = world.memberships.filter(
    (m) => !(m.space === space.handle && m.person === person.handle),
  );
}

/** Whether posts live in the space: its content, for the confirmation an audience change needs. */
const hasPosts = (world: World, space: Space): boolean =>
  livePosts(world).some((p) => p.target.type === 'space' && p.target.space === space.handle);
