import type { PostsTable } from '../platform/db/schema-conversation.ts';
import { type ContentPlan, type DemoPerson, engage, fill, newRowId, praiseBadge } from './demo-content.ts';
import {
  ANNOUNCEMENTS,
  COMMENTS,
  COMMUNITY_ANSWERS,
  COMMUNITY_QUESTIONS,
  POLLS,
  PRAISE,
  RECORD_POSTS,
  REPLIES,
  TOPICS_BY_CATEGORY,
  UPDATES,
} from './demo-content-texts.ts';
import type { DemoRecord } from './demo-records.ts';

const DAY = 24 * 60 * 60 * 1000;
const companyTopics = TOPICS_BY_CATEGORY.Company ?? ['wins'];

/** The company feed: updates, praise, polls and the live announcements. */
export function writeCompanyFeed(plan: ContentPlan): void {
  const { random, writer, employees } = plan;
  const company = { type: 'company' as const };
  for (let i = 0; i < 320; i++) {
    const author = random.pick(employees);
    const body = fill(plan, random.pick(UPDATES), {
      topic: random.pick(companyTopics),
      space: 'the company',
      mentionable: employees,
    });
    const post = writer.post({
      author,
      target: company,
      body,
      at: plan.when(),
      readers: plan.employeeReaders,
    });
    engage(plan, post, employees, COMMENTS, REPLIES);
  }
  for (let i = 0; i < 120; i++) {
    const author = random.pick(employees);
    const recipients = random.sample(
      employees.filter((p) => p.id !== author.id),
      random.int(1, 3),
    );
    const names = recipients.map((p) => `@${p.handle}`).join(' ');
    const body = `${names} ${random.pick(PRAISE)} #wins`;
    const post = writer.post({
      author,
      target: company,
      kind: 'praise',
      badge: praiseBadge(random),
      body,
      at: plan.when(),
      readers: plan.employeeReaders,
    });
    writer.add(
      'praise_recipients',
      recipients.map((p) => ({ post_id: post.id, person_id: p.id })),
    );
    engage(plan, post, employees, COMMENTS, REPLIES);
  }
  for (let i = 0; i < 32; i++) writePoll(plan, random.pick(employees), employees);
  ANNOUNCEMENTS.forEach((a, i) => {
    const at = plan.now - (i + 1) * 2 * DAY;
    const post = writer.post({
      author: plan.admin,
      target: company,
      kind: 'announcement',
      body: `**${a.title}**\n\n${a.body}`,
      at,
      readers: plan.employeeReaders,
      requiresAck: a.ack,
      pinnedUntil: new Date(plan.now + (14 - i * 5) * DAY).toISOString(),
    });
    if (a.ack)
      writer.add(
        'announcement_acks',
        random.sample(employees, Math.floor(employees.length * 0.4)).map((p) => ({
          post_id: post.id,
          person_id: p.id,
          created_at: new Date(plan.after(at)).toISOString(),
        })),
      );
    engage(plan, post, employees, COMMENTS, REPLIES);
  });
}

function writePoll(plan: ContentPlan, author: DemoPerson, voters: DemoPerson[]): void {
  const { random, writer } = plan;
  const spec = random.pick(POLLS);
  const at = plan.when(60);
  const post = writer.post({
    author,
    target: { type: 'company' },
    kind: 'poll',
    body: `${spec.question} #${random.pick(companyTopics)}`,
    at,
    readers: plan.employeeReaders,
  });
  const options = spec.options.map((label, position) => ({
    id: newRowId(at),
    post_id: post.id,
    position,
    label,
    vote_count: 0,
  }));
  const votes: Array<{ post_id: string; person_id: string; option_id: string; created_at: string }> = [];
  const who = random.sample(voters, random.int(5, 40));
  for (const person of who) {
    const picks = spec.multiple ? random.sample(options, random.int(1, 2)) : [random.pick(options)];
    for (const option of picks) {
      option.vote_count += 1;
      votes.push({
        post_id: post.id,
        person_id: person.id,
        option_id: option.id,
        created_at: new Date(plan.after(at)).toISOString(),
      });
    }
  }
  // Older polls have closed; recent ones are still open for a week.
  const closes = at < plan.now - 10 * DAY ? at + 7 * DAY : plan.now + 7 * DAY;
  writer.add('polls', [
    {
      post_id: post.id,
      multiple: spec.multiple ? 1 : 0,
      closes_at: new Date(closes).toISOString(),
      voter_count: who.length,
    },
  ]);
  writer.add('poll_options', options);
  writer.add('poll_votes', votes);
}

/** Sales and marketing working together on campaigns, accounts and opportunities. */
export function writeRecordFeeds(plan: ContentPlan, records: DemoRecord[]): void {
  const { random, writer } = plan;
  const team = plan.employees.filter((p) => p.department === 'Sales' || p.department === 'Marketing');
  const people = team.length > 0 ? team : plan.employees;
  for (const record of records.filter((r) => r.type !== 'product')) {
    const count = random.int(3, record.type === 'account' ? 12 : 8);
    for (let i = 0; i < count; i++) {
      const topic = record.type === 'campaign' ? 'campaigns' : 'deals';
      const body = fill(plan, random.pick(RECORD_POSTS), { topic, record: record.name, mentionable: people });
      const post = writer.post({
        author: random.pick(people),
        target: { type: 'record', id: record.id },
        body,
        at: plan.when(90),
        readers: plan.employeeReaders,
      });
      engage(plan, post, people, COMMENTS, REPLIES);
    }
  }
}

/**
 * The external community: customers ask, employees and other customers answer; product records are
 * shared into the community spaces, where posts about them are visible to their members only.
 */
export function writeCommunity(plan: ContentPlan, records: DemoRecord[]): void {
  const { random, writer } = plan;
  const topics = TOPICS_BY_CATEGORY.Communities ?? ['how-to'];
  const products = records.filter((r) => r.type === 'product');
  for (const handle of ['customer-community', 'beta-program']) {
    const space = plan.spaces.find((s) => s.handle === handle);
    if (!space) continue;
    const customers = space.members.filter((p) => p.kind === 'external');
    const staff = space.members.filter((p) => p.kind === 'member');
    if (customers.length === 0 || staff.length === 0) continue;
    const shared = handle === 'customer-community' ? products : products.slice(0, 2);
    writer.add(
      'record_shares',
      shared.map((r) => ({
        record_id: r.id,
        space_id: space.id,
        shared_by: plan.admin.id,
        created_at: new Date(plan.now - 100 * DAY).toISOString(),
      })),
    );
    const questions = handle === 'customer-community' ? 240 : 60;
    for (let i = 0; i < questions; i++) {
      const product = random.chance(0.3) ? random.pick(shared) : undefined;
      const body = fill(plan, random.pick(COMMUNITY_QUESTIONS), {
        topic: random.pick(topics),
        mentionable: [],
      });
      const post = writer.post({
        author: random.pick(customers),
        target: { type: 'space', id: space.id },
        kind: 'question',
        body,
        at: plan.when(100),
        readers: space.readers,
        recordId: product?.id ?? null,
      });
      answerInCommunity(plan, post, staff, customers, space.readers);
    }
  }
}

function answerInCommunity(
  plan: ContentPlan,
  post: PostsTable,
  staff: DemoPerson[],
  customers: DemoPerson[],
  readers: Map<string, DemoPerson>,
): void {
  const { random, writer } = plan;
  const at = Date.parse(post.created_at);
  const answers = random.int(1, 3);
  let accepted: string | undefined;
  for (let i = 0; i < answers; i++) {
    const fromStaff = i === 0 ? random.chance(0.6) : random.chance(0.4);
    const author = random.pick(fromStaff ? staff : customers);
    const comment = writer.comment(post, author, random.pick(COMMUNITY_ANSWERS), plan.after(at), readers);
    if (accepted === undefined && (fromStaff || random.chance(0.5))) accepted = comment.id;
    for (const reactor of random.sample(customers, random.int(0, 4)))
      writer.react('comment', comment.id, reactor.id, 'thanks', plan.after(at));
  }
  if (accepted && random.chance(0.75)) post.accepted_comment_id = accepted;
  for (const reactor of random.sample(customers, random.int(0, 6)))
    writer.react('post', post.id, reactor.id, 'like', plan.after(at));
}
