import { perActor } from '../../platform/http/rate-limit.ts';

/** The posts module's writes, each counted per person per minute. */

export const POST_WRITES = perActor('post-create', 60);
export const POST_EDITS = perActor('post-edit', 120);
export const POST_MODERATION = perActor('post-moderate', 240);
export const BOOKMARK_WRITES = perActor('bookmark', 240);
