import { LIMITS, PERSON_KINDS } from '@atrium/contracts';
import { type Expression, expressionBuilder, type SqlBool } from 'kysely';
import { type Viewer, visiblePeopleFilter } from '../../platform/access/people.ts';
import { canReadPost, type PostFacts } from '../../platform/access/posts.ts';
import type { SpaceFacts } from '../../platform/access/spaces.ts';
import {
  ContentTooLongError,
  type MentionTarget,
  mentionCandidates,
  renderMarkdown,
} from '../../platform/content/index.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { PostsTable } from '../../platform/db/schema-conversation.ts';
import { badRequest } from '../../platform/http/errors.ts';
import type { Executor } from '../people/people.repository.ts';

/** The facts of a target that decide who reads its posts. */
export interface ReadersOf {
  type: PostsTable['target_type'];
  space: SpaceFacts | undefined;
}

/**
 * People (a where-clause over `people`) who may read a post made in the target. Derived from
 * `canReadPost` itself rather than restated: each kind of person is asked without a membership, and
 * members of the target space are asked with one.
 */
export function readersFilter(db: Executor, target: ReadersOf): Expression<SqlBool> {
  const eb = expressionBuilder<DB, 'people'>();
  const facts: PostFacts = { target_type: target.type, space_id: target.space?.id ?? null, deleted_at: null };
  const asKind = (kind: (typeof PERSON_KINDS)[number]) => ({ id: '', kind, role: 'user' as const });
  const kinds = PERSON_KINDS.filter((kind) => canReadPost(asKind(kind), facts, target.space, undefined));
  const conditions: Expression<SqlBool>[] = [];
  if (kinds.length > 0) conditions.push(eb('people.kind', 'in', kinds));
  const space = target.space;
  if (space && canReadPost(asKind('member'), facts, space, { role: 'member' })) {
    const members = db
      .selectFrom('space_members')
      .select('space_members.person_id')
      .where('space_members.space_id', '=', space.id);
    conditions.push(eb('people.id', 'in', members));
  }
  return conditions.length > 0 ? eb.or(conditions) : eb.lit(false);
}

/**
 * People (a where-clause over `people`) who may see this person. `visiblePeopleFilter` is symmetric
 * between external people (co-members see each other) and employees see everyone, so those who see a
 * person are the employees plus whoever that person would see if they were external.
 */
export function peopleWhoSee(person: Viewer): Expression<SqlBool> {
  const eb = expressionBuilder<DB, 'people'>();
  return eb.or([eb('people.kind', '=', 'member'), visiblePeopleFilter({ ...person, kind: 'external' })]);
}

export interface PostContent {
  html: string;
  topics: string[];
  /** Ids of the people the body links, in order of first mention. */
  mentionIds: string[];
}

// A body has at most a few thousand candidate handles; ask in slices well under every bind limit.
const HANDLE_BATCH = 500;

async function mentionablePeople(
  db: Executor,
  author: Viewer,
  readers: Expression<SqlBool>,
  handles: string[],
): Promise<Map<string, MentionTarget & { id: string }>> {
  const found = new Map<string, MentionTarget & { id: string }>();
  for (let start = 0; start < handles.length; start += HANDLE_BATCH) {
    const rows = await db
      .selectFrom('people')
      .select(['people.id', 'people.handle', 'people.name'])
      .where('people.handle', 'in', handles.slice(start, start + HANDLE_BATCH))
      .where('people.status', '=', 'active')
      .where(visiblePeopleFilter(author))
      // ACCESS-MODEL invariant 4: a mention never reaches someone who could not otherwise see the author.
      .where(peopleWhoSee(author))
      .where(readers)
      .execute();
    for (const row of rows) found.set(row.handle, row);
  }
  return found;
}

/**
 * Renders a post body. An @handle links only an active person who may read the target, whom the author
 * may see and who may see the author; anyone else stays plain text, so the body never reveals whether
 * they exist, and they get no mention row (so no notification).
 * `allowEmpty` is for shares, whose comment is optional.
 */
export async function renderPostBody(
  db: Executor,
  author: Viewer,
  target: ReadersOf,
  source: string,
  options: { allowEmpty?: boolean } = {},
): Promise<PostContent> {
  if (source.trim() === '' && options.allowEmpty !== true) {
    throw badRequest('A post needs some text.', [{ path: 'body/body', message: 'must not be blank' }]);
  }
  try {
    const handles = mentionCandidates(source, { maxLength: LIMITS.postBody });
    const people =
      handles.length === 0
        ? new Map()
        : await mentionablePeople(db, author, readersFilter(db, target), handles);
    const rendered = renderMarkdown(source.trim() === '' ? '' : source, {
      maxLength: LIMITS.postBody,
      maxMentions: LIMITS.mentionsPerPost,
      maxTopics: LIMITS.topicsPerPost,
      resolveMention: (handle) => people.get(handle),
    });
    const mentionIds = rendered.mentions.flatMap((handle) => {
      const person = people.get(handle);
      return person ? [person.id] : [];
    });
    return { html: rendered.html, topics: rendered.topics, mentionIds };
  } catch (error) {
    if (error instanceof ContentTooLongError) {
      throw badRequest(`A post is at most ${error.limit} characters.`, [
        { path: 'body/body', message: `must be at most ${error.limit} characters` },
      ]);
    }
    throw error;
  }
}
