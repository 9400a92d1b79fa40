import { type ContentPlan, type DemoSpace, engage, fill } from './demo-content.ts';
import { ANSWERS, COMMENTS, QUESTIONS, REPLIES, TOPICS_BY_CATEGORY, UPDATES } from './demo-content-texts.ts';

/** Posts in the spaces, about 3,900 in all: busy spaces get most of them (activity follows size). */
const SPACE_POSTS = 3900;
/** Communities get their questions and answers from demo-content-feeds.ts. */
const COMMUNITY_HANDLES = new Set(['customer-community', 'beta-program']);

export function writeSpaceFeeds(plan: ContentPlan): void {
  const { random, writer } = plan;
  const spaces = plan.spaces.filter((s) => s.members.length > 0 && !COMMUNITY_HANDLES.has(s.handle));
  const weights = spaces.map((s) => Math.sqrt(s.members.length));
  const total = weights.reduce((a, b) => a + b, 0);
  spaces.forEach((space, i) => {
    const count = Math.max(3, Math.round((SPACE_POSTS * (weights[i] ?? 1)) / total));
    const topics = TOPICS_BY_CATEGORY[space.category ?? ''] ?? TOPICS_BY_CATEGORY.Projects ?? ['general'];
    for (let n = 0; n < count; n++) {
      const author = random.pick(space.members);
      const topic = random.pick(topics);
      const asking = random.chance(0.1);
      const template = random.pick(asking ? QUESTIONS : UPDATES);
      const body = fill(plan, template, { topic, space: space.name, mentionable: space.members });
      const post = writer.post({
        author,
        target: { type: 'space', id: space.id },
        kind: asking ? 'question' : 'update',
        body,
        at: plan.when(),
        readers: space.readers,
      });
      if (asking) answer(plan, space, post);
      else engage(plan, post, space.members, COMMENTS, REPLIES);
    }
  });
}

/** One to three answers; most questions have one accepted. */
function answer(plan: ContentPlan, space: DemoSpace, post: ReturnType<ContentPlan['writer']['post']>): void {
  const { random, writer } = plan;
  const answers = random.int(1, 3);
  const at = Date.parse(post.created_at);
  let first: string | undefined;
  for (let i = 0; i < answers; i++) {
    const author = random.pick(space.members);
    const body = fill(plan, random.pick(ANSWERS), { topic: '', mentionable: space.members });
    const comment = writer.comment(post, author, body, plan.after(at), space.readers);
    first ??= comment.id;
    writer.react('comment', comment.id, post.author_id, 'thanks', plan.after(at));
  }
  if (first && random.chance(0.7)) post.accepted_comment_id = first;
}
