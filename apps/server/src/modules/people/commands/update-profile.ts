import { canSeePerson, type Viewer, visibleFieldVisibilities } from '../../../platform/access/people.ts';
import { audit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { badRequest, forbidden, notFound } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { searchTextOf } from '../handles.ts';
import { canEditProfile, isAdminEdit } from '../people.policy.ts';
import {
  type Executor,
  findPersonByHandle,
  findPersonById,
  listCustomFields,
  managerChain,
  type PersonRow,
  replaceSkills,
  setCustomValue,
  skillsOf,
} from '../people.repository.ts';
import { isValidTimeZone, normalizeSkills, optionalText, validateCustomValue } from '../profile-fields.ts';

export interface ProfilePatch {
  name?: string;
  title?: string | null;
  department?: string | null;
  location?: string | null;
  managerHandle?: string | null;
  bio?: string | null;
  skills?: string[];
  timeZone?: string | null;
  customFields?: Record<string, string | null>;
}

/** Deep enough for any real organization; a longer chain is refused rather than walked forever. */
const MAX_CHAIN_CHECK = 1000;

async function resolveManager(db: Executor, actor: Viewer, person: PersonRow, handle: string | null) {
  if (handle === null) return null;
  const manager = await findPersonByHandle(db, handle);
  const path = [{ path: 'body/managerHandle', message: 'is not a valid manager' }];
  // An invisible person is reported exactly like a missing one.
  if (!manager || !(await canSeePerson(db, actor, manager))) throw badRequest('No such person.', path);
  if (manager.status !== 'active') throw badRequest('A deactivated person cannot be a manager.', path);
  if (manager.id === person.id) throw badRequest('A person cannot be their own manager.', path);
  const chain = await managerChain(db, manager.id, MAX_CHAIN_CHECK);
  if (chain.some((p) => p.id === person.id)) {
    throw badRequest('This manager would create a cycle in the org chart.', path);
  }
  return manager.id;
}

/**
 * Applies a profile patch (self or admin), keeps `search_text` in step, replaces skills and custom
 * values, and records `person.updated` (and an audit row for an admin's edit) in the same transaction.
 */
export async function updateProfile(
  ctx: AppContext,
  input: { actor: Viewer; personId: string; patch: ProfilePatch; ip: string | null },
): Promise<PersonRow> {
  const { actor, patch } = input;
  return inTransaction(ctx, async (trx) => {
    const person = await findPersonById(trx, input.personId);
    if (!person) throw notFound('No such person.');
    if (!canEditProfile(actor, person)) throw forbidden('Only this person or an administrator can edit it.');

    const changes: Partial<PersonRow> = {};
    if (patch.name !== undefined) {
      const name = patch.name.trim();
      if (name === '')
        throw badRequest('The name cannot be blank.', [{ path: 'body/name', message: 'is blank' }]);
      changes.name = name;
    }
    for (const [field, column] of [
      ['title', 'title'],
      ['department', 'department'],
      ['location', 'location'],
      ['bio', 'bio'],
    ] as const) {
      const value = patch[field];
      if (value !== undefined) changes[column] = optionalText(value);
    }
    if (patch.timeZone !== undefined) {
      const zone = optionalText(patch.timeZone);
      if (zone !== null && !isValidTimeZone(zone)) {
        throw badRequest('Unknown time zone.', [
          { path: 'body/timeZone', message: 'is not an IANA time zone' },
        ]);
      }
      changes.time_zone = zone;
    }
    if (patch.managerHandle !== undefined) {
      changes.manager_id = await resolveManager(trx, actor, person, patch.managerHandle);
    }

    // API names of what was sent, for the event and the audit row (no values: they may be personal).
    const fields = Object.keys(patch).filter((key) => patch[key as keyof ProfilePatch] !== undefined);
    if (patch.skills !== undefined) {
      await replaceSkills(trx, person.id, normalizeSkills(patch.skills));
    }
    if (patch.customFields !== undefined) {
      // Fields an external person may not see do not exist for them: setting one is an unknown key.
      const known = new Map(
        (await listCustomFields(trx, visibleFieldVisibilities(actor))).map((f) => [f.key, f]),
      );
      for (const [key, raw] of Object.entries(patch.customFields)) {
        const field = known.get(key);
        if (!field) {
          throw badRequest(`Unknown custom field "${key}".`, [
            { path: `body/customFields/${key}`, message: 'is not a custom field' },
          ]);
        }
        await setCustomValue(trx, person.id, field.id, validateCustomValue(field, raw));
      }
    }

    const next = { ...person, ...changes };
    const skills = await skillsOf(trx, person.id);
    next.search_text = searchTextOf([
      next.name,
      next.handle,
      next.title,
      next.department,
      next.location,
      ...skills.map((s) => s.label),
    ]);
    next.updated_at = nowIso();
    await trx
      .updateTable('people')
      .set({ ...changes, search_text: next.search_text, updated_at: next.updated_at })
      .where('id', '=', person.id)
      .execute();

    await ctx.outbox.record(trx, {
      name: 'person.updated',
      actorId: actor.id,
      subjectType: 'person',
      subjectId: person.id,
      payload: { fields },
    });
    if (isAdminEdit(actor, person)) {
      await audit(trx, {
        actorId: actor.id,
        action: 'admin.person_updated',
        targetType: 'person',
        targetId: person.id,
        ip: input.ip,
        data: { fields },
      });
    }
    return next;
  });
}
