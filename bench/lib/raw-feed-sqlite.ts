import Database from 'better-sqlite3';

/**
 * The home feed for one person done by hand with better-sqlite3: the raw-SQL floor the app's feed is
 * compared with. Sources are the person's spaces, the company feed, their profile, followed people,
 * topics, records and spaces; `stream_heads` orders the sources so the merge stops reading as soon as no
 * remaining source can reach the page. Then one read each for the posts, authors, spaces, reaction
 * totals and the viewer's own reactions.
 */
type SourceKind = 'stream' | 'author' | 'topic' | 'record';

interface Source {
  kind: SourceKind;
  value: string;
  head: string;
}

interface Candidate {
  id: string;
  target_type: string;
  space_id: string | null;
  deleted_at: string | null;
  hidden_at: string | null;
}

export interface RawPage {
  ids: string[];
  nextCursor: string | null;
  posts: unknown[];
}

const CANDIDATE = 'p.id, p.target_type, p.space_id, p.deleted_at, p.hidden_at';
const MAX_ID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';
const IN_LIST = 'select value from json_each(?)';

export function rawSqliteFeed(path: string): {
  page(viewerId: string, cursor: string | null, limit?: number): RawPage;
  close(): void;
} {
  const db = new Database(path, { readonly: true });
  db.pragma('query_only = ON');
  const q = {
    person: db.prepare('select kind from people where id = ?'),
    spaces: db.prepare('select space_id from space_members where person_id = ?'),
    followees: db.prepare('select followee_id from follows where follower_id = ?'),
    feedFollows: db.prepare('select target_type, target_id from feed_follows where person_id = ?'),
    mutes: db.prepare('select target_type, target_id from feed_mutes where person_id = ?'),
    openSpaces: db.prepare(
      "select id, audience from spaces where visibility = 'open' and archived_at is null",
    ),
    heads: db.prepare(`select stream, last_post_id from stream_heads where stream in (${IN_LIST})`),
    stream: db.prepare(
      `select ${CANDIDATE} from posts p where p.stream = ? and p.id < ? order by p.id desc limit ?`,
    ),
    author: db.prepare(
      `select ${CANDIDATE} from posts p where p.author_id = ? and p.id < ? order by p.id desc limit ?`,
    ),
    record: db.prepare(
      `select ${CANDIDATE} from posts p where p.record_id = ? and p.id < ? order by p.id desc limit ?`,
    ),
    topic: db.prepare(
      `select ${CANDIDATE} from post_topics t join posts p on p.id = t.post_id
       where t.topic = ? and t.post_id < ? order by t.post_id desc limit ?`,
    ),
    posts: db.prepare(`select * from posts where id in (${IN_LIST})`),
    people: db.prepare(
      `select id, handle, name, kind, role, status, title, department, location, organization, avatar_file_id
       from people where id in (${IN_LIST})`,
    ),
    spaceRows: db.prepare(
      `select id, handle, name, audience, visibility from spaces where id in (${IN_LIST})`,
    ),
    totals: db.prepare(
      `select subject_id, kind, total from reaction_totals where subject_type = 'post' and subject_id in (${IN_LIST}) and total > 0`,
    ),
    mine: db.prepare(
      `select subject_id, kind from reactions where person_id = ? and subject_type = 'post' and subject_id in (${IN_LIST})`,
    ),
  };
  const open = q.openSpaces.all() as { id: string; audience: string }[];

  function page(viewerId: string, cursor: string | null, limit = 20): RawPage {
    const person = q.person.get(viewerId) as { kind: string } | undefined;
    if (!person) throw new Error(`no person ${viewerId}`);
    const member = person.kind === 'member';
    const mine = new Set((q.spaces.all(viewerId) as { space_id: string }[]).map((r) => r.space_id));
    const muted = new Set(
      (q.mutes.all(viewerId) as { target_type: string; target_id: string }[]).map(
        (m) => `${m.target_type}:${m.target_id}`,
      ),
    );
    const readableOpen = new Set(open.filter((s) => member || s.audience === 'external').map((s) => s.id));
    const readable = (c: Candidate) =>
      c.deleted_at === null &&
      c.hidden_at === null &&
      (c.target_type === 'space'
        ? c.space_id !== null && (mine.has(c.space_id) || readableOpen.has(c.space_id))
        : member);

    const wanted = new Map<string, { kind: SourceKind; value: string }>();
    for (const id of mine) wanted.set(`space:${id}`, { kind: 'stream', value: `space:${id}` });
    if (member) {
      wanted.set('company', { kind: 'stream', value: 'company' });
      wanted.set(`person:${viewerId}`, { kind: 'stream', value: `person:${viewerId}` });
    }
    for (const r of q.followees.all(viewerId) as { followee_id: string }[]) {
      wanted.set(`author:${r.followee_id}`, { kind: 'author', value: r.followee_id });
    }
    for (const f of q.feedFollows.all(viewerId) as { target_type: string; target_id: string }[]) {
      if (f.target_type === 'topic')
        wanted.set(`topic:${f.target_id}`, { kind: 'topic', value: f.target_id });
      if (f.target_type === 'record')
        wanted.set(`record:${f.target_id}`, { kind: 'record', value: f.target_id });
      if (f.target_type === 'space')
        wanted.set(`space:${f.target_id}`, { kind: 'stream', value: `space:${f.target_id}` });
    }
    for (const key of muted) wanted.delete(key);
    const heads = q.heads.all(JSON.stringify([...wanted.keys()])) as {
      stream: string;
      last_post_id: string;
    }[];
    const sources: Source[] = [];
    for (const h of heads) {
      const s = wanted.get(h.stream);
      if (s) sources.push({ ...s, head: h.last_post_id });
    }
    const before = cursor ?? MAX_ID;
    sources.sort((a, b) => (a.head < b.head ? 1 : -1));

    const found = new Set<string>();
    let top: string[] = [];
    for (const source of sources) {
      // The newest id this source can still give (string ids: Math.min does not apply).
      let reach = before;
      if (source.head < before) reach = source.head;
      if (top.length >= limit + 1 && (top[limit] ?? '') >= reach) break;
      const statement = q[source.kind];
      let from = before;
      let got = 0;
      // Unreadable rows (deleted, hidden, another space's) do not count: read on until enough are found.
      for (;;) {
        const rows = statement.all(source.value, from, limit + 1) as Candidate[];
        for (const row of rows) {
          if (!readable(row)) continue;
          got++;
          found.add(row.id);
        }
        if (rows.length < limit + 1 || got >= limit + 1) break;
        from = rows[rows.length - 1]?.id ?? from;
      }
      top = [...found].sort((a, b) => (a < b ? 1 : -1)).slice(0, limit + 1);
      found.clear();
      for (const id of top) found.add(id);
    }
    const ids = top.slice(0, limit);
    const list = JSON.stringify(ids);
    const posts = q.posts.all(list) as { id: string; author_id: string; space_id: string | null }[];
    const authors = q.people.all(JSON.stringify([...new Set(posts.map((p) => p.author_id))]));
    const spaceIds = [...new Set(posts.map((p) => p.space_id).filter((s) => s !== null))];
    const spaceRows = q.spaceRows.all(JSON.stringify(spaceIds));
    const totals = q.totals.all(list);
    const reactions = q.mine.all(viewerId, list);
    return {
      ids,
      nextCursor: top.length > limit ? (ids[ids.length - 1] ?? null) : null,
      posts: [posts, authors, spaceRows, totals, reactions],
    };
  }

  return {
    page,
    close: () => {
      db.close();
    },
  };
}
