import Database from 'better-sqlite3';
import { randomToken, sha256 } from '../../apps/server/src/platform/auth/secrets.ts';
import { createRng, isoAt, uuidv7At } from '../dataset/random.ts';
import { migrateSqlite, sqliteSink } from '../dataset/sqlite-load.ts';
import { RowBuffer } from '../dataset/tables.ts';

/** A person with a session: what a socket or a request needs to act as them. */
export interface SessionPerson {
  id: string;
  /** The session secret (the cookie value); only its SHA-256 is stored, as the app stores it. */
  token: string;
}

/** The real-time dataset: one open space whose members hold the sockets, post, and probe. */
export interface RealtimeDataset {
  path: string;
  spaceId: string;
  /** Members who each hold one socket; a run with n sockets uses the first n. */
  listeners: SessionPerson[];
  /** Members who post and hold no socket, so every socket gets each post exactly once. */
  authors: SessionPerson[];
  /** The member whose `GET /api/v1/me` latency P11 measures. */
  prober: SessionPerson;
  seedMs: number;
}

const SESSION_EXPIRY = '2999-01-01T00:00:00.000Z';

/**
 * Seeds a fresh SQLite file for the real-time goals: the app's migrations, then in one transaction the
 * people (one admin, the listeners, the authors, the prober), their sessions (random secrets hashed the
 * way the app hashes them, so sockets authenticate with the cookie), one open internal space and everyone's
 * membership of it. Small enough (seconds at 10k people) that it is not cached.
 */
export async function seedRealtime(
  path: string,
  sizes: { listeners: number; authors: number },
): Promise<RealtimeDataset> {
  const started = performance.now();
  await migrateSqlite(path);
  const rng = createRng(42);
  const now = Date.now() - 60_000;
  const at = isoAt(now);
  const out = new RowBuffer();
  const total = 2 + sizes.listeners + sizes.authors;
  const people: SessionPerson[] = [];
  for (let i = 0; i < total; i++) {
    const id = uuidv7At(now + i, rng);
    const name = i === 0 ? 'Realtime Admin' : `Realtime Person ${i}`;
    const handle = `realtime${i}`;
    out.add('people', [
      id,
      `${handle}@bench.atrium.test`,
      null,
      name,
      handle,
      'member',
      i === 0 ? 'admin' : 'user',
      'active',
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      `${name} ${handle}`.toLowerCase(),
      at,
      at,
      null,
    ]);
    const token = randomToken('as_');
    out.add('sessions', [
      uuidv7At(now + i, rng),
      sha256(token),
      id,
      at,
      at,
      SESSION_EXPIRY,
      '127.0.0.1',
      'atrium-bench',
    ]);
    people.push({ id, token });
  }
  const spaceId = uuidv7At(now, rng);
  const admin = people[0] as SessionPerson;
  const description = 'Where the real-time benchmark posts.';
  out.add('spaces', [
    spaceId,
    'realtime',
    'Realtime',
    description,
    '',
    null,
    'internal',
    'open',
    0,
    `realtime ${description}`.toLowerCase(),
    admin.id,
    at,
    at,
  ]);
  people.forEach((p, i) => {
    out.add('space_members', [spaceId, p.id, i === 0 ? 'owner' : 'member', 'manual', at]);
  });
  const db = new Database(path);
  try {
    await sqliteSink(db).write(out.drain());
    const check = db.pragma('foreign_key_check') as unknown[];
    if (check.length > 0) throw new Error(`real-time dataset breaks ${check.length} foreign key(s)`);
  } finally {
    db.close();
  }
  return {
    path,
    spaceId,
    listeners: people.slice(1, 1 + sizes.listeners),
    authors: people.slice(1 + sizes.listeners, 1 + sizes.listeners + sizes.authors),
    prober: people[total - 1] as SessionPerson,
    seedMs: performance.now() - started,
  };
}
