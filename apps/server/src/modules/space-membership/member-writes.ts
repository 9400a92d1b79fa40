import type { SpaceRole } from '@atrium/contracts';
import type { Transaction } from 'kysely';
import { audit } from '../../platform/audit.ts';
import type { DB, SpacesTable } from '../../platform/db/schema.ts';
import { nowIso } from '../../platform/db/time.ts';
import type { Outbox } from '../../platform/events/outbox.ts';
import { conflict } from '../../platform/http/errors.ts';
import type { PersonRow } from '../people/people.repository.ts';
import { mayBelong } from '../spaces/spaces.policy.ts';
import { findMember, type MemberRow, type RuleRow } from './membership.repository.ts';

type SpaceFacts = Pick<SpacesTable, 'id' | 'audience' | 'archived_at'>;

/** The last gate of every path into a space: an external person never joins an internal space. */
export function assertMayBelong(person: Pick<PersonRow, 'kind'>, space: Pick<SpacesTable, 'audience'>): void {
  if (!mayBelong(person, space)) throw conflict('External people cannot join an internal space.');
}

export function assertLive(space: Pick<SpacesTable, 'archived_at'>): void {
  if (space.archived_at !== null) throw conflict('This space is archived.');
}

/**
 * Adds a person to a space (or returns the membership they already have) and records
 * `space.member_joined` in the caller's transaction.
 */
export async function addMember(
  trx: Transaction<DB>,
  outbox: Outbox,
  input: {
    space: SpaceFacts;
    person: Pick<PersonRow, 'id' | 'kind'>;
    role: SpaceRole;
    source: MemberRow['source'];
    actorId: string | null;
  },
): Promise<{ role: SpaceRole; added: boolean }> {
  assertMayBelong(input.person, input.space);
  const existing = await findMember(trx, input.space.id, input.person.id);
  if (existing) return { role: existing.role, added: false };
  await trx
    .insertInto('space_members')
    .values({
      space_id: input.space.id,
      person_id: input.person.id,
      role: input.role,
      source: input.source,
      joined_at: nowIso(),
    })
    .execute();
  await outbox.record(trx, {
    name: 'space.member_joined',
    actorId: input.actorId,
    subjectType: 'person',
    subjectId: input.person.id,
    spaceId: input.space.id,
    payload: { role: input.role, source: input.source },
  });
  return { role: input.role, added: true };
}

/** Rule values compare case-insensitively after trimming. */
export const ruleValueKey = (value: string | null | undefined): string =>
  (value ?? '').normalize('NFC').trim().toLowerCase();

/** Whether a person's profile satisfies a rule; only active employees are admitted by rules. */
export function ruleMatches(
  rule: Pick<RuleRow, 'field' | 'value'>,
  person: Pick<PersonRow, 'kind' | 'status' | 'department' | 'location'>,
): boolean {
  if (person.kind !== 'member' || person.status !== 'active') return false;
  const actual = ruleValueKey(rule.field === 'department' ? person.department : person.location);
  return actual !== '' && actual === ruleValueKey(rule.value);
}

/**
 * Records a change made to someone's membership by another person: the outbox event about that person in
 * the space and the audit row of the same action, both in the caller's transaction.
 */
export async function recordMemberChange(
  trx: Transaction<DB>,
  outbox: Outbox,
  change: {
    action: 'space.member_role_changed' | 'space.member_removed' | 'space.ownership_transferred';
    actorId: string;
    personId: string;
    spaceId: string;
    ip: string | null;
    payload: Record<string, unknown>;
    auditData: Record<string, unknown>;
  },
): Promise<void> {
  await outbox.record(trx, {
    name: change.action,
    actorId: change.actorId,
    subjectType: 'person',
    subjectId: change.personId,
    spaceId: change.spaceId,
    payload: change.payload,
  });
  await audit(trx, {
    actorId: change.actorId,
    action: change.action,
    targetType: 'space',
    targetId: change.spaceId,
    ip: change.ip,
    data: change.auditData,
  });
}
