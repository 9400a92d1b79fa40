import type { PersonKind, SiteRole } from '@atrium/contracts';
import { createPerson } from '../../src/modules/people/commands/create-person.ts';
import type { PersonRow } from '../../src/modules/people/people.repository.ts';
import { hashPassword } from '../../src/platform/auth/secrets.ts';
import { createSession } from '../../src/platform/auth/sessions.ts';
import { csrfTokenFor } from '../../src/platform/http/auth-guard.ts';
import type { TestApp } from './test-app.ts';

export const DEFAULT_PASSWORD = 'correct horse battery staple';
let cachedHash: Promise<string> | undefined;
let sequence = 0;

function defaultHash(): Promise<string> {
  cachedHash ??= hashPassword(DEFAULT_PASSWORD);
  return cachedHash;
}

export interface PersonOverrides {
  email?: string;
  name?: string;
  handle?: string;
  kind?: PersonKind;
  role?: SiteRole;
  title?: string | null;
  department?: string | null;
  location?: string | null;
  managerId?: string | null;
  organization?: string | null;
  password?: string;
}

/** Inserts an active person through the real command; the default password hash is computed once. */
export async function buildPerson(app: TestApp, overrides: PersonOverrides = {}): Promise<PersonRow> {
  sequence += 1;
  const passwordHash =
    overrides.password !== undefined ? await hashPassword(overrides.password) : await defaultHash();
  return app.ctx.db.transaction().execute((trx) =>
    createPerson(trx, app.ctx.outbox, {
      email: overrides.email ?? `person${sequence}-${Date.now()}@example.com`,
      name: overrides.name ?? `Person ${sequence}`,
      passwordHash,
      kind: overrides.kind ?? 'member',
      role: overrides.role ?? 'user',
      ...(overrides.handle !== undefined ? { handle: overrides.handle } : {}),
      title: overrides.title ?? null,
      department: overrides.department ?? null,
      location: overrides.location ?? null,
      managerId: overrides.managerId ?? null,
      organization: overrides.organization ?? null,
      actorId: null,
    }),
  );
}

export interface Session {
  person: PersonRow;
  /** Headers for inject: the session cookie and the CSRF header. */
  headers: { cookie: string; 'x-csrf-token': string };
}

/** A signed-in session for a person, made directly (sign-in itself is tested through its route). */
export async function sessionFor(app: TestApp, person: PersonRow): Promise<Session> {
  const { token } = await createSession(app.ctx.db, person.id, { ip: '127.0.0.1', userAgent: 'test' });
  return {
    person,
    headers: {
      cookie: `atrium_session=${token}`,
      'x-csrf-token': csrfTokenFor(app.config.sessionSecret, token),
    },
  };
}

export async function signedIn(app: TestApp, overrides: PersonOverrides = {}): Promise<Session> {
  return sessionFor(app, await buildPerson(app, overrides));
}
