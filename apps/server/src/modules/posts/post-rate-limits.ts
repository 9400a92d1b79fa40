import type { RateLimitRule } from '../../platform/http/rate-limit.ts';

/** Writes counted per actor (per address only for the anonymous, who are refused before this anyway). */
export const perActor = (name: string, max: number): RateLimitRule => ({
  name,
  max,
  windowMs: 60_000,
  key: (request) => request.actor?.id ?? request.ip,
});

export const POST_WRITES = perActor('post-create', 60);
export const POST_EDITS = perActor('post-edit', 120);
export const POST_MODERATION = perActor('post-moderate', 240);
export const BOOKMARK_WRITES = perActor('bookmark', 240);
