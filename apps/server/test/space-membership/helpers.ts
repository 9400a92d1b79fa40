import type { SpaceAudience, SpaceVisibility } from '@atrium/contracts';
import type { SpaceRow } from '../../src/modules/spaces/spaces.repository.ts';
import { call } from '../admin/helpers.ts';
import { type Session, signedIn } from '../support/factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import type { TestApp } from '../support/test-app.ts';

export { addMember, buildSpace, call };

/** Every (audience, visibility) pair, owned by `owner`. */
export async function spacesOf(app: TestApp, owner: Session) {
  const spaces: Record<string, SpaceRow> = {};
  for (const audience of ['internal', 'external'] as SpaceAudience[]) {
    for (const visibility of ['open', 'private', 'secret'] as SpaceVisibility[]) {
      spaces[`${audience}-${visibility}`] = await buildSpace(app, owner, {
        audience,
        visibility,
        name: `${audience} ${visibility}`,
      });
    }
  }
  return spaces as Record<`${SpaceAudience}-${SpaceVisibility}`, SpaceRow>;
}

export async function people(app: TestApp) {
  return {
    owner: await signedIn(app, { name: 'Olga Owner' }),
    employee: await signedIn(app, { name: 'Erin Employee' }),
    external: await signedIn(app, { kind: 'external', name: 'Xavier External', email: 'x@customer.io' }),
  };
}

export async function memberRole(app: TestApp, spaceId: string, personId: string) {
  const row = await app.ctx.db
    .selectFrom('space_members')
    .select(['role', 'source'])
    .where('space_id', '=', spaceId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row;
}

export async function eventNames(app: TestApp, spaceId: string) {
  const rows = await app.ctx.db
    .selectFrom('events')
    .select('name')
    .where('space_id', '=', spaceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.name);
}

export async function auditActions(app: TestApp, spaceId: string) {
  const rows = await app.ctx.db
    .selectFrom('audit_log')
    .select('action')
    .where('target_id', '=', spaceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.action);
}

export const archive = (app: TestApp, spaceId: string) =>
  app.ctx.db
    .updateTable('spaces')
    .set({ archived_at: new Date().toISOString() })
    .where('id', '=', spaceId)
    .execute();
