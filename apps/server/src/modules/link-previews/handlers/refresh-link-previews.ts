import type { AppContext } from '../../../platform/context.ts';
import type { EventHandler } from '../../../platform/events/outbox.ts';
import {
  cachedPreviews,
  findPostBody,
  type LinkPreviewRow,
  replacePostLinks,
  savePreview,
} from '../link-previews.repository.ts';
import { fetchPreview, type PreviewResult, previewFetchSettings } from '../preview-fetcher.ts';
import { type PreviewLink, previewLinksOf } from '../preview-urls.ts';

/** A fetched page is trusted this long; a refused or failed one is tried again sooner. */
export const PREVIEW_TTL_MS = 24 * 60 * 60_000;
export const FAILED_PREVIEW_TTL_MS = 60 * 60_000;

const isFresh = (row: LinkPreviewRow, now: number): boolean =>
  now - Date.parse(row.fetched_at) < (row.status === 'ok' ? PREVIEW_TTL_MS : FAILED_PREVIEW_TTL_MS);

function previewRow(link: PreviewLink, result: PreviewResult): LinkPreviewRow {
  const ok = result.status === 'ok' ? result : undefined;
  return {
    url_hash: link.hash,
    url: link.url,
    status: result.status,
    title: ok?.title ?? null,
    description: ok?.description ?? null,
    site_name: ok?.siteName ?? null,
    image_url: ok?.imageUrl ?? null,
    fetched_at: new Date().toISOString(),
  };
}

/**
 * On post.created / post.updated: reads the post's stored body, fetches the previews of its first
 * links that are not cached (or are stale) through the SSRF guard, caches them per URL and records the
 * post's links. Idempotent (delivery is at least once): a re-run writes the same rows. Fetches happen
 * outside any transaction; the writes happen only if the body is still the one the links came from,
 * so an older delivery finishing late cannot overwrite a newer edit's links.
 */
export function refreshLinkPreviews(ctx: AppContext): EventHandler {
  return {
    name: 'link-previews.refresh',
    events: ['post.created', 'post.updated'],
    async handle(event) {
      if (event.subjectType !== 'post' || event.subjectId === null) return;
      const postId = event.subjectId;
      const post = await findPostBody(ctx.db, postId);
      if (!post) return;
      const links = post.deleted_at === null ? previewLinksOf(post.body) : [];

      const now = Date.now();
      const cached = await cachedPreviews(
        ctx.db,
        links.map((link) => link.hash),
      );
      const fresh = new Set(cached.filter((row) => isFresh(row, now)).map((row) => row.url_hash));
      const settings = previewFetchSettings(ctx);
      const fetched = await Promise.all(
        links
          .filter((link) => !fresh.has(link.hash))
          .map(async (link) => {
            const result = await fetchPreview(link.url, settings);
            if (result.status !== 'ok') {
              ctx.log.debug(
                { url: link.url, status: result.status, reason: result.reason },
                'no link preview',
              );
            }
            return previewRow(link, result);
          }),
      );

      await ctx.db.transaction().execute(async (trx) => {
        for (const row of fetched) await savePreview(trx, row);
        const current = await findPostBody(trx, postId);
        if (!current || current.body !== post.body || current.deleted_at !== post.deleted_at) return;
        await replacePostLinks(trx, postId, links);
      });
    },
  };
}
