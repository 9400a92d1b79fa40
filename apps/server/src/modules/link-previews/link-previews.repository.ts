import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { LinkPreviewsTable } from '../../platform/db/schema-conversation.ts';
import type { PreviewLink } from './preview-urls.ts';

type Executor = Kysely<DB> | Transaction<DB>;
export type LinkPreviewRow = Selectable<LinkPreviewsTable>;

export async function findPostBody(db: Executor, postId: string) {
  return db
    .selectFrom('posts')
    .select(['id', 'body', 'deleted_at'])
    .where('id', '=', postId)
    .executeTakeFirst();
}

export async function cachedPreviews(db: Executor, hashes: readonly string[]): Promise<LinkPreviewRow[]> {
  if (hashes.length === 0) return [];
  return db.selectFrom('link_previews').selectAll().where('url_hash', 'in', hashes).execute();
}

/** Inserts or refreshes one cached preview (the same URL may be fetched for two posts at once). */
export async function savePreview(db: Executor, row: LinkPreviewRow): Promise<void> {
  const { url_hash: _key, ...fields } = row;
  await db
    .insertInto('link_previews')
    .values(row)
    .onConflict((oc) => oc.column('url_hash').doUpdateSet(fields))
    .execute();
}

/** Makes the post's links exactly these, in order. */
export async function replacePostLinks(
  db: Executor,
  postId: string,
  links: readonly PreviewLink[],
): Promise<void> {
  await db.deleteFrom('post_links').where('post_id', '=', postId).execute();
  if (links.length === 0) return;
  await db
    .insertInto('post_links')
    .values(links.map((link, position) => ({ post_id: postId, url_hash: link.hash, position })))
    .execute();
}

/** The fetched previews of these posts' links, in link order. */
export async function okPreviewsOfPosts(db: Executor, postIds: readonly string[]) {
  if (postIds.length === 0) return [];
  return db
    .selectFrom('post_links')
    .innerJoin('link_previews', 'link_previews.url_hash', 'post_links.url_hash')
    .select([
      'post_links.post_id',
      'link_previews.url',
      'link_previews.title',
      'link_previews.description',
      'link_previews.site_name',
      'link_previews.image_url',
    ])
    .where('post_links.post_id', 'in', postIds)
    .where('link_previews.status', '=', 'ok')
    .orderBy('post_links.post_id')
    .orderBy('post_links.position')
    .execute();
}
