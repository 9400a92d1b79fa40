import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Dialect } from '../../platform/db/connect.ts';
import type { DB } from '../../platform/db/schema.ts';

export type TopicPostsQuery = SelectQueryBuilder<DB, 'post_topics' | 'posts', object>;

/**
 * `post_topics` joined to its posts, one primary-key lookup per topic row. On PostgreSQL the lookup sits in
 * a LATERAL subquery with OFFSET 0, which the planner cannot merge into a join: otherwise, under a LIMIT,
 * it merge-joins a topic's rows with the whole posts table walked in id order. The subquery is named
 * `posts` and selects every column, so filters written for the posts table apply unchanged.
 */
export function topicPostsFrom(db: Kysely<DB>, dialect: Dialect): TopicPostsQuery {
  if (dialect === 'sqlite') {
    return db.selectFrom('post_topics').innerJoin('posts', 'posts.id', 'post_topics.post_id');
  }
  const fenced = db.selectFrom('post_topics').innerJoinLateral(
    (eb) =>
      eb
        .selectFrom('posts')
        .selectAll('posts')
        .whereRef('posts.id', '=', 'post_topics.post_id')
        .offset(0)
        .as('posts'),
    (join) => join.onTrue(),
  );
  // The alias has exactly the columns of the posts table.
  return fenced as unknown as TopicPostsQuery;
}
