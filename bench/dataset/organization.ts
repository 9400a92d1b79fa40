import { createHash } from 'node:crypto';
import {
  createRng,
  permutation,
  type Rng,
  uuidv7At,
  type WeightedSampler,
  weightedSampler,
  zipfWeights,
} from './random.ts';
import { DAY, type DatasetSpec } from './spec.ts';
import { DEPARTMENTS, LOCATIONS, personName, spaceName, topicNames } from './text.ts';

/**
 * Who is in the dataset, before any content: people, spaces, memberships, follows, topics, records and
 * the sessions the load uses. Cheap to compute (no posts), so the bench recomputes it instead of reading
 * it back from a cached database.
 */
export interface PlannedPerson {
  index: number;
  id: string;
  kind: 'member' | 'external';
  role: 'admin' | 'user';
  status: 'active' | 'deactivated';
  name: string;
  handle: string;
  email: string;
  department: string | null;
  location: string | null;
  organization: string | null;
  managerIndex: number | null;
  createdMs: number;
}

export interface PlannedSpace {
  index: number;
  id: string;
  handle: string;
  name: string;
  audience: 'internal' | 'external';
  visibility: 'open' | 'private' | 'secret';
  createdMs: number;
  /** Relative share of the posts (0 for the empty spaces). */
  activity: number;
}

export interface PlannedSession {
  personIndex: number;
  token: string;
}

export interface Organization {
  people: PlannedPerson[];
  spaces: PlannedSpace[];
  /** Person indexes per space; the first is the owner. */
  members: number[][];
  /** Space indexes per person. */
  memberships: number[][];
  /** Indexes of employees (kind member). */
  employees: number[];
  follows: [number, number][];
  topics: string[];
  topicSampler: WeightedSampler;
  records: { id: string; typeIndex: number; name: string }[];
  recordTypes: { id: string; key: string; name: string }[];
  recordSampler: WeightedSampler;
  feedFollows: { person: number; type: 'topic' | 'record' | 'space'; target: string }[];
  mutes: { person: number; type: 'space'; target: string }[];
  sessions: PlannedSession[];
  /** P4 worst cases: an external person whose spaces are empty or quiet, and an employee in 100 spaces. */
  quietPerson: number;
  busyPerson: number;
  /** Samplers over spaces by activity, employees by popularity. */
  spaceActivity: WeightedSampler;
  popularEmployee: (rng: Rng) => number;
  createdMs: number;
}

export const BENCH_DOMAIN = 'bench.atrium.test';

/** A session secret derived from the seed: the bench recomputes it, the database stores only its hash. */
export const sessionToken = (seed: number, personIndex: number): string =>
  `as_${createHash('sha256').update(`atrium-bench/${seed}/${personIndex}`).digest('base64url')}`;

function distinctSample(rng: Rng, sampler: WeightedSampler, count: number, allowed: (i: number) => boolean) {
  const picked = new Set<number>();
  for (let tries = 0; picked.size < count && tries < count * 50; tries++) {
    const i = sampler.sample(rng);
    if (allowed(i)) picked.add(i);
  }
  return [...picked];
}

export function planOrganization(spec: DatasetSpec): Organization {
  const rng = createRng(spec.seed);
  const createdMs = spec.startMs - 365 * DAY;
  const externals = Math.round(spec.people * spec.externalShare);
  const people: PlannedPerson[] = [];
  for (let index = 0; index < spec.people; index++) {
    const kind = index >= spec.people - externals ? 'external' : 'member';
    const name = personName(rng);
    const handle = `${name
      .split(' ')[0]
      ?.normalize('NFKD')
      .replace(/[^A-Za-z]/g, '')
      .toLowerCase()}${index}`;
    const ms = createdMs + Math.floor((index / spec.people) * 300 * DAY);
    people.push({
      index,
      id: uuidv7At(ms, rng),
      kind,
      role: index === 0 ? 'admin' : 'user',
      status: index > 0 && rng.chance(0.01) ? 'deactivated' : 'active',
      name,
      handle,
      email: kind === 'member' ? `${handle}@${BENCH_DOMAIN}` : `${handle}@customer${index % 97}.example`,
      department: kind === 'member' ? rng.pick(DEPARTMENTS) : null,
      location: kind === 'member' ? rng.pick(LOCATIONS) : null,
      organization: kind === 'external' ? `Customer ${index % 97}` : null,
      // A tree of fan-out 8 among employees: managers come first, so foreign keys hold in insert order.
      managerIndex: kind === 'member' && index > 0 ? Math.floor((index - 1) / 8) : null,
      createdMs: ms,
    });
  }
  const employees = people.filter((p) => p.kind === 'member').map((p) => p.index);
  const quietPerson = spec.people - 1;
  const busyPerson = 1;
  // The quiet person must be active whatever the draw.
  const quiet = people[quietPerson];
  if (quiet) quiet.status = 'active';
  const busy = people[busyPerson];
  if (busy) busy.status = 'active';

  const externalSpaces = Math.round(spec.spaces * spec.externalSpaceShare);
  const spaces: PlannedSpace[] = [];
  for (let index = 0; index < spec.spaces; index++) {
    const r = rng.next();
    const ms = createdMs + 300 * DAY + Math.floor((index / spec.spaces) * 60 * DAY);
    spaces.push({
      index,
      id: uuidv7At(ms, rng),
      handle: `space-${String(index + 1).padStart(3, '0')}`,
      name: spaceName(rng, index),
      audience: index < externalSpaces ? 'external' : 'internal',
      visibility: r < 0.65 ? 'open' : r < 0.9 ? 'private' : 'secret',
      createdMs: ms,
      activity: 0,
    });
  }
  // Sizes and activity follow Zipf over a random ranking; activity is size-correlated but noisy.
  const sizeRank = permutation(rng, spec.spaces);
  const sizeWeights = spaces.map((s) => 1 / ((sizeRank[s.index] ?? 0) + 1));
  for (const space of spaces) {
    space.activity = (1 / ((sizeRank[space.index] ?? 0) + 1) ** 1.1) * (0.5 + 1.5 * rng.next());
  }
  // The four smallest external spaces belong to the quiet person: two stay empty, two get a trickle.
  const quietSpaces = spaces
    .filter((s) => s.audience === 'external')
    .sort((a, b) => (sizeRank[b.index] ?? 0) - (sizeRank[a.index] ?? 0))
    .slice(0, 4);
  const totalActivity = spaces.reduce((sum, s) => sum + s.activity, 0);
  quietSpaces.forEach((space, i) => {
    space.activity = i < 2 ? 0 : totalActivity * 2e-5;
  });
  // Ten more internal spaces stay empty (new or abandoned).
  for (const space of spaces.filter((s) => s.audience === 'internal').slice(-10)) space.activity = 0;
  const quietSpaceIds = new Set(quietSpaces.map((s) => s.index));

  const sizeSampler = weightedSampler(sizeWeights);
  const memberships: number[][] = people.map(() => []);
  for (const person of people) {
    let count = 4 + Math.floor(17 * rng.next() ** 2);
    if (person.index === busyPerson) count = 100;
    if (person.index === quietPerson) {
      memberships[person.index] = quietSpaces.map((s) => s.index);
      continue;
    }
    memberships[person.index] = distinctSample(rng, sizeSampler, count, (i) => {
      const space = spaces[i];
      if (!space || quietSpaceIds.has(i)) return false;
      return person.kind === 'member' || space.audience === 'external';
    });
  }
  const members: number[][] = spaces.map(() => []);
  memberships.forEach((list, personIndex) => {
    for (const s of list) members[s]?.push(personIndex);
  });
  // Every space has an employee owner first in its list.
  members.forEach((list, s) => {
    const ownerAt = list.findIndex((p) => people[p]?.kind === 'member');
    if (ownerAt > 0) list.unshift(...list.splice(ownerAt, 1));
    if (ownerAt === -1) {
      const owner = employees[(s * 7919) % employees.length] ?? 0;
      list.unshift(owner);
      memberships[owner]?.push(s);
    }
  });

  const popularity = permutation(rng, employees.length);
  const popularSampler = weightedSampler(zipfWeights(employees.length, 0.9));
  const popularEmployee = (r: Rng) => employees[popularity[popularSampler.sample(r)] ?? 0] ?? 0;
  const follows: [number, number][] = [];
  for (const follower of employees) {
    if (follower === quietPerson) continue;
    const count = Math.floor(40 * rng.next() ** 2);
    const seen = new Set<number>([follower]);
    for (let k = 0; k < count; k++) {
      const followee = popularEmployee(rng);
      if (!seen.has(followee)) {
        seen.add(followee);
        follows.push([follower, followee]);
      }
    }
  }

  const topics = topicNames(spec.topics);
  const topicSampler = weightedSampler(zipfWeights(topics.length, 1));
  const recordTypes = ['account', 'opportunity', 'campaign'].map((key, i) => ({
    id: uuidv7At(createdMs + i, rng),
    key,
    name: key[0]?.toUpperCase() + key.slice(1),
  }));
  const records = Array.from({ length: spec.records }, (_, i) => ({
    id: uuidv7At(createdMs + 200 * DAY + i * 1000, rng),
    typeIndex: i % recordTypes.length,
    name: `${recordTypes[i % recordTypes.length]?.name} ${i + 1}`,
  }));
  const recordSampler = weightedSampler(zipfWeights(records.length, 1));

  const feedFollows: Organization['feedFollows'] = [];
  const mutes: Organization['mutes'] = [];
  const openInternal = spaces.filter((s) => s.audience === 'internal' && s.visibility === 'open');
  for (const person of employees) {
    const topicCount = Math.floor(6 * rng.next() ** 2);
    const followed = new Set<string>();
    for (let k = 0; k < topicCount; k++) followed.add(`topic\t${topics[topicSampler.sample(rng)]}`);
    const recordCount = Math.floor(4 * rng.next() ** 2);
    for (let k = 0; k < recordCount; k++) followed.add(`record\t${records[recordSampler.sample(rng)]?.id}`);
    if (rng.chance(0.2)) {
      const space = rng.pick(openInternal);
      if (!memberships[person]?.includes(space.index)) followed.add(`space\t${space.id}`);
    }
    for (const entry of followed) {
      const [type, target] = entry.split('\t') as ['topic' | 'record' | 'space', string];
      feedFollows.push({ person, type, target });
    }
    const mine = memberships[person] ?? [];
    if (person !== busyPerson && mine.length > 4 && rng.chance(0.03)) {
      mutes.push({ person, type: 'space', target: spaces[rng.pick(mine)]?.id ?? '' });
    }
  }

  const order = permutation(rng, spec.people);
  const sessions: PlannedSession[] = [];
  for (const index of order) {
    if (sessions.length >= spec.sessions) break;
    if (index === quietPerson || index === busyPerson || people[index]?.status !== 'active') continue;
    sessions.push({ personIndex: index, token: sessionToken(spec.seed, index) });
  }
  for (const index of [quietPerson, busyPerson])
    sessions.push({ personIndex: index, token: sessionToken(spec.seed, index) });

  return {
    people,
    spaces,
    members,
    memberships,
    employees,
    follows,
    topics,
    topicSampler,
    records,
    recordTypes,
    recordSampler,
    feedFollows,
    mutes,
    sessions,
    quietPerson,
    busyPerson,
    spaceActivity: weightedSampler(spaces.map((s) => s.activity)),
    popularEmployee,
    createdMs,
  };
}
