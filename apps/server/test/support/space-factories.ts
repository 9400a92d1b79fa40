import type { SpaceAudience, SpaceRole, SpaceVisibility } from '@atrium/contracts';
import type { PersonRow } from '../../src/modules/people/people.repository.ts';
import { createSpace } from '../../src/modules/spaces/commands/create-space.ts';
import { mayBelong } from '../../src/modules/spaces/spaces.policy.ts';
import type { SpaceRow } from '../../src/modules/spaces/spaces.repository.ts';
import { nowIso } from '../../src/platform/db/time.ts';
import type { Session } from './factories.ts';
import type { TestApp } from './test-app.ts';

export interface SpaceOverrides {
  name?: string;
  handle?: string;
  description?: string;
  guidelines?: string;
  category?: string | null;
  audience?: SpaceAudience;
  visibility?: SpaceVisibility;
  /** Needs an owner who is a site admin, like the API. */
  isDefault?: boolean;
}

let sequence = 0;

const personOf = (who: PersonRow | Session): PersonRow => ('person' in who ? who.person : who);

/** Creates a space through the real command: `owner` (an employee) becomes its owner. */
export async function buildSpace(
  app: TestApp,
  owner: PersonRow | Session,
  overrides: SpaceOverrides = {},
): Promise<SpaceRow> {
  sequence += 1;
  return createSpace(app.ctx, {
    actor: personOf(owner),
    name: overrides.name ?? `Space ${sequence}`,
    handle: overrides.handle ?? `space-${sequence}-${Date.now().toString(36)}`,
    description: overrides.description ?? null,
    guidelines: overrides.guidelines ?? null,
    category: overrides.category ?? null,
    audience: overrides.audience ?? 'internal',
    visibility: overrides.visibility ?? 'open',
    isDefault: overrides.isDefault ?? false,
    ip: null,
  });
}

/**
 * Adds a member directly (membership commands have their own tests). Refuses an external person in an
 * internal space, which no path may create.
 */
export async function addMember(
  app: TestApp,
  space: Pick<SpaceRow, 'id' | 'audience'>,
  who: PersonRow | Session,
  role: SpaceRole = 'member',
  source: 'manual' | 'rule' | 'default' = 'manual',
): Promise<void> {
  const person = personOf(who);
  if (!mayBelong(person, space)) throw new Error('An external person cannot join an internal space.');
  await app.ctx.db
    .insertInto('space_members')
    .values({ space_id: space.id, person_id: person.id, role, source, joined_at: nowIso() })
    .execute();
}
