import fc from 'fast-check';
import type { Membership, Person, Space } from './reference-model.ts';
import { type Post, TOPICS } from './reference-posts.ts';

/** The posts and the record shares of a generated world (worlds.ts builds the rest). */

const postPick = fc.record({ topic: fc.nat(TOPICS.length - 1), mention: fc.option(fc.nat(), { nil: null }) });

/**
 * Posts: one in the company feed and one on an employee's profile (both by employees), and one in most
 * spaces (by its owner), each with a #topic and perhaps an @mention of anyone.
 */
export function postsArb(people: Person[], spaces: Space[], memberships: Membership[]): fc.Arbitrary<Post[]> {
  const employees = people.filter((p) => p.kind === 'member');
  return fc
    .record({
      company: postPick,
      profile: postPick,
      record: postPick,
      authors: fc.tuple(fc.nat(), fc.nat(), fc.nat()),
      inSpaces: fc.array(fc.option(postPick, { freq: 4, nil: null }), {
        minLength: spaces.length,
        maxLength: spaces.length,
      }),
    })
    .map(({ company, profile, record, authors, inSpaces }) => {
      const pickEmployee = (n: number) => employees[n % employees.length]?.handle ?? '';
      const mentionOf = (n: number | null) =>
        n === null ? null : (people[n % people.length]?.handle ?? null);
      const topicOf = (n: number) => TOPICS[n] ?? TOPICS[0];
      const posts: Post[] = [
        {
          key: 'post0',
          target: { type: 'company' },
          author: pickEmployee(authors[0]),
          topic: topicOf(company.topic),
          mention: mentionOf(company.mention),
        },
        {
          key: 'post1',
          target: { type: 'person', person: pickEmployee(authors[2]) },
          author: pickEmployee(authors[1]),
          topic: topicOf(profile.topic),
          mention: mentionOf(profile.mention),
        },
        {
          key: 'post2',
          target: { type: 'record' },
          author: pickEmployee(authors[1] + 1),
          topic: topicOf(record.topic),
          mention: mentionOf(record.mention),
        },
      ];
      spaces.forEach((space, i) => {
        const pick = inSpaces[i];
        const owner = memberships.find((m) => m.space === space.handle && m.role === 'owner');
        if (!pick || !owner) return;
        posts.push({
          key: `post${posts.length}`,
          target: { type: 'space', space: space.handle },
          author: owner.person,
          topic: topicOf(pick.topic),
          mention: mentionOf(pick.mention),
        });
      });
      return posts;
    });
}

/**
 * The world's record is shared into some external spaces; in each, its owner writes a post about it.
 * (Internal spaces are offered too: the API must refuse them.)
 */
export function recordSharesArb(spaces: Space[]): fc.Arbitrary<string[]> {
  return fc.subarray(spaces.map((s) => s.handle));
}

export function aboutRecordPosts(
  spaces: Space[],
  memberships: Membership[],
  shares: string[],
  from: number,
): Post[] {
  return shares.flatMap((handle, i) => {
    const space = spaces.find((s) => s.handle === handle);
    const owner = memberships.find((m) => m.space === handle && m.role === 'owner');
    if (!space || !owner || space.audience !== 'external') return [];
    return [
      {
        key: `post${from + i}`,
        target: { type: 'space' as const, space: handle },
        aboutRecord: true,
        author: owner.person,
        topic: TOPICS[i % TOPICS.length] ?? TOPICS[0],
        mention: null,
      },
    ];
  });
}
