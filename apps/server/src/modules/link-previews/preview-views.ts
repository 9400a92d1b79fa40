import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { okPreviewsOfPosts } from './link-previews.repository.ts';

export interface LinkPreviewView {
  url: string;
  title: string | null;
  description: string | null;
  siteName: string | null;
  /** An absolute http(s) URL for the browser to load; the server never fetches it. */
  imageUrl: string | null;
}

/**
 * Fetched previews of the links in posts the viewer may read (the caller has checked), keyed by post
 * id (every asked post has an entry), in link order. Links that were refused or failed are left out.
 */
export async function previewViews(
  db: Kysely<DB> | Transaction<DB>,
  postIds: readonly string[],
): Promise<Map<string, LinkPreviewView[]>> {
  const views = new Map<string, LinkPreviewView[]>(postIds.map((id) => [id, []]));
  for (const row of await okPreviewsOfPosts(db, [...new Set(postIds)])) {
    views.get(row.post_id)?.push({
      url: row.url,
      title: row.title,
      description: row.description,
      siteName: row.site_name,
      imageUrl: row.image_url,
    });
  }
  return views;
}
