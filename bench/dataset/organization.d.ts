import { type Rng, type WeightedSampler } from './random.ts';
import { type DatasetSpec } from './spec.ts';
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
  records: {
    id: string;
    typeIndex: number;
    name: string;
  }[];
  recordTypes: {
    id: string;
    key: string;
    name: string;
  }[];
  recordSampler: WeightedSampler;
  feedFollows: {
    person: number;
    type: 'topic' | 'record' | 'space';
    target: string;
  }[];
  mutes: {
    person: number;
    type: 'space';
    target: string;
  }[];
  sessions: PlannedSession[];
  /** P4 worst cases: an external person whose spaces are empty or quiet, and an employee in 100 spaces. */
  quietPerson: number;
  busyPerson: number;
  /** Samplers over spaces by activity, employees by popularity. */
  spaceActivity: WeightedSampler;
  popularEmployee: (rng: Rng) => number;
  createdMs: number;
}
export declare const BENCH_DOMAIN = 'bench.atrium.test';
/** A session secret derived from the seed: the bench recomputes it, the database stores only its hash. */
export declare const sessionToken: (seed: number, personIndex: number) => string;
export declare function planOrganization(spec: DatasetSpec): Organization;
