import pg from 'pg';
import type { RawPage } from './raw-feed-sqlite.ts';

/**
 * The home feed for one person done by hand with pg: the sources with a head (one statement), then a
 * LATERAL top-N per source merged in the database (one statement), then the page's posts with their
 * authors and spaces, reaction totals and the viewer's reactions (two statements).
 */
const SOURCES = `
  with me as (select id, kind from people where id = $1),
  wanted(source, own) as (
    select 'space:' || space_id, true from space_members where person_id = $1
    union select 'company', false from me where kind = 'member'
    union select 'person:' || id, false from me where kind = 'member'
    union select 'author:' || followee_id, false from follows where follower_id = $1
    union select target_type || ':' || target_id, false from feed_follows where person_id = $1
  )
  select (select kind from me) as kind, h.stream, w.own
  from wanted w join stream_heads h on h.stream = w.source
  where w.source not in (select target_type || ':' || target_id from feed_mutes where person_id = $1)`;

const READABLE = `p.deleted_at is null and p.hidden_at is null and (
  (p.target_type <> 'space' and $4::boolean)
  or p.space_id = any($5::text[])
  or p.space_id in (select id from spaces where visibility = 'open' and ($4::boolean or audience = 'external')))`;

const MERGE = `
  select id from (
    select x.id from unnest($1::text[]) s(v) cross join lateral (
      select p.id from posts p where p.stream = s.v and p.id < $6 and ${READABLE} order by p.id desc limit $7) x
    union
    select x.id from unnest($2::text[]) s(v) cross join lateral (
      select p.id from posts p where p.author_id = s.v and p.id < $6 and ${READABLE} order by p.id desc limit $7) x
    union
    select x.id from unnest($3::text[]) s(v) cross join lateral (
      select p.id from post_topics t join posts p on p.id = t.post_id
      where t.topic = s.v and t.post_id < $6 and ${READABLE} order by t.post_id desc limit $7) x
    union
    select x.id from unnest($8::text[]) s(v) cross join lateral (
      select p.id from posts p where p.record_id = s.v and p.id < $6 and ${READABLE} order by p.id desc limit $7) x
  ) merged order by id desc limit $7`;

const PAGE = `
  select p.*, a.handle, a.name as author_name, a.kind as author_kind, a.title as author_title,
         a.avatar_file_id, sp.handle as space_handle, sp.name as space_name
  from posts p join people a on a.id = p.author_id left join spaces sp on sp.id = p.space_id
  where p.id = any($1::text[])`;

const REACTIONS = `
  select subject_id, kind, total, null as mine from reaction_totals
  where subject_type = 'post' and subject_id = any($1::text[]) and total > 0
  union all
  select subject_id, kind, null, person_id from reactions
  where person_id = $2 and subject_type = 'post' and subject_id = any($1::text[])`;

const MAX_ID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

export async function rawPostgresFeed(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  async function page(viewerId: string, cursor: string | null, limit = 20): Promise<RawPage> {
    const sources = await client.query<{ kind: string; stream: string; own: boolean }>({
      name: 'bench_sources',
      text: SOURCES,
      values: [viewerId],
    });
    const member = sources.rows[0]?.kind === 'member';
    const by: Record<string, string[]> = { stream: [], author: [], topic: [], record: [] };
    const mine: string[] = [];
    for (const { stream, own } of sources.rows) {
      const [type, value = ''] = [
        stream.slice(0, stream.indexOf(':')),
        stream.slice(stream.indexOf(':') + 1),
      ];
      if (stream === 'company') by.stream?.push(stream);
      else if (type === 'author') by.author?.push(value);
      else if (type === 'topic') by.topic?.push(value);
      else if (type === 'record') {
        by.record?.push(value);
      } else {
        by.stream?.push(stream);
        if (own) mine.push(value);
      }
    }
    const merged = await client.query<{ id: string }>({
      name: 'bench_merge',
      text: MERGE,
      values: [by.stream, by.author, by.topic, member, mine, cursor ?? MAX_ID, limit + 1, by.record],
    });
    const all = merged.rows.map((r) => r.id);
    const ids = all.slice(0, limit);
    const posts = await client.query({ name: 'bench_page', text: PAGE, values: [ids] });
    const reactions = await client.query({
      name: 'bench_reactions',
      text: REACTIONS,
      values: [ids, viewerId],
    });
    return {
      ids,
      nextCursor: all.length > limit ? (ids[ids.length - 1] ?? null) : null,
      posts: [posts.rows, reactions.rows],
    };
  }
  return { page, close: () => client.end() };
}
