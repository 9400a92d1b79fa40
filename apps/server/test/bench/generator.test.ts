import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFromSession } from '../../src/platform/auth/sessions.ts';
import { isValidTopic } from '../../src/platform/content/index.ts';
import { openDatabase } from '../../src/platform/db/connect.ts';

// The bench dataset generator (bench/dataset) at a tiny scale: consistent rows, deterministic, usable by
// the app. bench/ is type-checked by its own project, so it is loaded here by URL with the few types used.
interface Spec {
  posts: number;
  people: number;
}
interface Org {
  sessions: { personIndex: number; token: string }[];
  people: { id: string }[];
}
const bench = (file: string) => import(new URL(`../../../../bench/dataset/${file}`, import.meta.url).href);
const { datasetSpec } = (await bench('spec.ts')) as {
  datasetSpec(scale: number, overrides: Record<string, number>): Spec;
};
const { planOrganization } = (await bench('organization.ts')) as { planOrganization(spec: Spec): Org };
const { seedSqlite } = (await bench('sqlite-load.ts')) as {
  seedSqlite(path: string, spec: Spec): Promise<unknown>;
};

const spec = datasetSpec(0.002, { people: 400, spaces: 40, sessions: 20, topics: 60, records: 12 });
const dir = mkdtempSync(join(tmpdir(), 'atrium-bench-generator-'));
let db: Database.Database;

const all = <T>(sql: string): T[] => db.prepare(sql).all() as T[];
const digest = (path: string): string => {
  const file = new Database(path, { readonly: true });
  const hash = createHash('sha256');
  for (const table of ['people', 'space_members', 'posts', 'comments', 'reactions', 'stream_heads']) {
    for (const row of file.prepare(`select * from ${table} order by rowid`).iterate())
      hash.update(JSON.stringify(row));
  }
  file.close();
  return hash.digest('hex');
};

beforeAll(async () => {
  await seedSqlite(join(dir, 'a.db'), spec);
  db = new Database(join(dir, 'a.db'), { readonly: true });
});

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('bench dataset generator', () => {
  it('writes the planned amounts and keeps every foreign key', () => {
    expect(all<{ n: number }>('select count(*) as n from posts')[0]?.n).toBe(spec.posts);
    expect(all<{ n: number }>('select count(*) as n from people')[0]?.n).toBe(spec.people);
    expect(all('pragma foreign_key_check')).toEqual([]);
  });

  it('orders post ids as their creation times', () => {
    const posts = all<{ id: string; created_at: string }>('select id, created_at from posts order by id');
    const times = posts.map((p) => p.created_at);
    expect(times).toEqual([...times].sort());
    expect(new Set(times).size).toBe(times.length);
    for (const p of posts.slice(0, 50)) {
      // UUIDv7: the first 48 bits are the Unix time in milliseconds.
      expect(Number.parseInt(p.id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.parse(p.created_at));
    }
  });

  it('keeps reaction totals and comment counts consistent with the rows', () => {
    expect(
      all(`select t.subject_type, t.subject_id, t.kind from reaction_totals t
           where t.total <> (select count(*) from reactions r where r.subject_type = t.subject_type
             and r.subject_id = t.subject_id and r.kind = t.kind)`),
    ).toEqual([]);
    expect(
      all(`select count(*) from reactions r left join reaction_totals t using (subject_type, subject_id, kind)
           where t.total is null having count(*) > 0`),
    ).toEqual([]);
    expect(
      all(`select id from posts p where comment_count <>
           (select count(*) from comments c where c.post_id = p.id and c.deleted_at is null)`),
    ).toEqual([]);
    expect(
      all(
        `select id from comments c where reply_count <> (select count(*) from comments r where r.parent_id = c.id)`,
      ),
    ).toEqual([]);
  });

  it('puts every source head on its newest post', () => {
    const heads = new Map(
      all<{ stream: string; last_post_id: string }>('select * from stream_heads').map((h) => [
        h.stream,
        h.last_post_id,
      ]),
    );
    const expected = all<{ stream: string; id: string }>(
      `select stream, max(id) as id from posts group by stream
       union all select 'author:' || author_id, max(id) from posts group by author_id
       union all select 'topic:' || topic, max(post_id) from post_topics group by topic
       union all select 'record:' || record_id, max(id) from posts where record_id is not null group by record_id`,
    );
    expect(heads.size).toBe(new Set(expected.map((e) => e.stream)).size);
    for (const e of expected) expect(heads.get(e.stream)).toBe(e.id);
  });

  it('uses valid topic names only', () => {
    for (const { topic } of all<{ topic: string }>('select distinct topic from post_topics')) {
      expect(isValidTopic(topic)).toBe(true);
    }
  });

  it('comes out the same every time', async () => {
    await seedSqlite(join(dir, 'b.db'), spec);
    expect(digest(join(dir, 'b.db'))).toBe(digest(join(dir, 'a.db')));
  });

  it('gives sessions the app accepts', async () => {
    const org = planOrganization(spec);
    const app = openDatabase(`sqlite:${join(dir, 'a.db')}`);
    try {
      for (const session of org.sessions.slice(0, 5)) {
        const actor = await actorFromSession(app.db, session.token);
        expect(actor?.id).toBe(org.people[session.personIndex]?.id);
      }
    } finally {
      await app.close();
    }
  });
});
