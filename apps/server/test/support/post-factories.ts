import type { PostKind } from '@atrium/contracts';
import type { PersonRow } from '../../src/modules/people/people.repository.ts';
import { createPost } from '../../src/modules/posts/commands/create-post.ts';
import type { KindInput } from '../../src/modules/posts/kinds/kind-details.ts';
import type { PostTargetInput } from '../../src/modules/posts/post-targets.ts';
import type { AppContext } from '../../src/platform/context.ts';
import type { PostsTable } from '../../src/platform/db/schema-conversation.ts';
import type { Session } from './factories.ts';
import type { TestApp } from './test-app.ts';

export interface PostOverrides {
  /** Default: the company feed. A space, person or record by id: `{ type: 'space', id: space.id }`. */
  target?: PostTargetInput;
  /** Default: a short unique text. */
  body?: string;
  kind?: PostKind;
  recordId?: string;
  poll?: KindInput['poll'];
  praise?: KindInput['praise'];
  announcement?: KindInput['announcement'];
  attachmentIds?: string[];
}

let sequence = 0;

const personOf = (who: PersonRow | Session): PersonRow => ('person' in who ? who.person : who);
const contextOf = (appOrCtx: TestApp | AppContext): AppContext =>
  'ctx' in appOrCtx ? appOrCtx.ctx : appOrCtx;

/**
 * Creates a post through the real command, with the same checks as the API (the author must be allowed to
 * post to the target; mentions and topics resolve as they would there).
 */
export async function buildPost(
  appOrCtx: TestApp | AppContext,
  author: PersonRow | Session,
  overrides: PostOverrides = {},
): Promise<PostsTable> {
  sequence += 1;
  return createPost(contextOf(appOrCtx), {
    actor: personOf(author),
    target: overrides.target ?? { type: 'company' },
    body: overrides.body ?? `Post number ${sequence}`,
    kind: overrides.kind,
    recordId: overrides.recordId,
    poll: overrides.poll,
    praise: overrides.praise,
    announcement: overrides.announcement,
    attachmentIds: overrides.attachmentIds,
  });
}
