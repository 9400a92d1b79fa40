import {
  canSeeEmailOf,
  canSeePerson,
  type Viewer,
  visibleFieldVisibilities,
  visiblePeopleFilter,
} from '../../platform/access/people.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { liveFieldsOf } from '../presence/person-live.ts';
import { countFollows, isFollowing } from './follows.repository.ts';
import { canAdminister, canEditProfile, canFollow } from './people.policy.ts';
import { presentProfile } from './people.presenter.ts';
import {
  customValuesOf,
  type Executor,
  findPersonByHandle,
  findPersonById,
  type PersonRow,
  skillsOf,
} from './people.repository.ts';

/** The person behind a handle, or 404 when missing or not visible to the viewer (the same answer). */
export async function findVisiblePerson(db: Executor, viewer: Viewer, handle: string): Promise<PersonRow> {
  const person = await findPersonByHandle(db, handle);
  if (!person || !(await canSeePerson(db, viewer, person))) throw notFound('No such person.');
  return person;
}

/** Gathers a profile's parts, each scoped by the access model, and presents it. */
export async function loadProfile(
  ctx: Pick<AppContext, 'db' | 'presence'>,
  viewer: Viewer,
  person: PersonRow,
) {
  const { db } = ctx;
  const visible = visiblePeopleFilter(viewer);
  const managerRow = person.manager_id ? await findPersonById(db, person.manager_id) : undefined;
  const manager = managerRow && (await canSeePerson(db, viewer, managerRow)) ? managerRow : null;
  const [skills, customFields, followersCount, followingCount, following, live] = await Promise.all([
    skillsOf(db, person.id),
    customValuesOf(db, person.id, visibleFieldVisibilities(viewer)),
    countFollows(db, visible, person.id, 'followers'),
    countFollows(db, visible, person.id, 'following'),
    viewer.id === person.id ? false : isFollowing(db, viewer.id, person.id),
    liveFieldsOf(ctx, viewer, manager ? [person.id, manager.id] : [person.id]),
  ]);
  return presentProfile(person, {
    email: canSeeEmailOf(viewer, person) ? person.email : null,
    manager,
    live,
    skills: skills.map((s) => s.label),
    customFields,
    followersCount,
    followingCount,
    isFollowing: following,
    abilities: {
      edit: canEditProfile(viewer, person),
      follow: canFollow(viewer, person),
      administer: canAdminister(viewer),
    },
  });
}
