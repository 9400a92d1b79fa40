import { LIMITS } from '@atrium/contracts';
import { type Viewer, visiblePeopleFilter } from '../../platform/access/people.ts';
import { canReadPost } from '../../platform/access/posts.ts';
import { ContentTooLongError, mentionCandidates, renderMarkdown } from '../../platform/content/index.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { peopleWhoSee } from '../posts/post-body.ts';
import type { Executor } from './comments.repository.ts';
import type { PostContext } from './post-context.ts';

/** More candidates than this in one body are not looked up (the renderer links at most mentionsPerPost). */
const MAX_CANDIDATES = LIMITS.mentionsPerPost * 2;

export interface RenderedComment {
  html: string;
  /** People linked by a mention: active, visible to the author and seeing the author, and readers of the post. */
  mentionedIds: string[];
}

const tooLong = () =>
  badRequest(`A comment has at most ${LIMITS.commentBody} characters.`, [
    { path: 'body/body', message: `must be at most ${LIMITS.commentBody} characters` },
  ]);

/** Refuses a body with nothing but whitespace (the schema already refused an empty one). */
export function assertNotBlank(body: string): void {
  if (body.trim() === '')
    throw badRequest('The comment is empty.', [{ path: 'body/body', message: 'is blank' }]);
}

/**
 * Renders a comment's markdown. A mention becomes a link only for an active person the author may see
 * (so a handle never reveals whether someone exists) who can also read the post (so nobody is pointed
 * at, or notified about, a conversation they cannot open); anyone else stays plain text. Two queries at
 * most, whatever the number of mentions.
 */
export async function renderComment(
  db: Executor,
  author: Viewer,
  context: Pick<PostContext, 'post' | 'space'>,
  body: string,
): Promise<RenderedComment> {
  try {
    const candidates = mentionCandidates(body, { maxLength: LIMITS.commentBody }).slice(0, MAX_CANDIDATES);
    const people =
      candidates.length === 0
        ? []
        : await db
            .selectFrom('people')
            .select(['people.id', 'people.handle', 'people.name', 'people.kind', 'people.role'])
            .where('people.handle', 'in', candidates)
            .where('people.status', '=', 'active')
            .where(visiblePeopleFilter(author))
            // Invariant 4: a mention cannot reach someone who could not otherwise see the author.
            .where(peopleWhoSee(author))
            .execute();
    const { space } = context;
    const roles =
      space && people.length > 0
        ? await db
            .selectFrom('space_members')
            .select(['person_id', 'role'])
            .where('space_id', '=', space.id)
            .where(
              'person_id',
              'in',
              people.map((p) => p.id),
            )
            .execute()
        : [];
    const membership = new Map(roles.map((row) => [row.person_id, { role: row.role }]));
    const readers = new Map(
      people
        .filter((person) => canReadPost(person, context.post, space, membership.get(person.id)))
        .map((person) => [person.handle, person]),
    );
    const rendered = renderMarkdown(body, {
      maxLength: LIMITS.commentBody,
      maxMentions: LIMITS.mentionsPerPost,
      resolveMention: (handle) => readers.get(handle),
    });
    const mentionedIds = rendered.mentions.flatMap((handle) => {
      const person = readers.get(handle);
      return person ? [person.id] : [];
    });
    return { html: rendered.html, mentionedIds };
  } catch (error) {
    if (error instanceof ContentTooLongError) throw tooLong();
    throw error;
  }
}

/** An earlier body, rendered for the edit history without resolving mentions (they may be stale). */
export function renderRevision(body: string): string {
  return renderMarkdown(body, { maxLength: Number.MAX_SAFE_INTEGER }).html;
}
