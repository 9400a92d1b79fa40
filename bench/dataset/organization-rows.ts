import { createHash } from 'node:crypto';
import { BENCH_DOMAIN, type Organization } from './organization.ts';
import { createRng, isoAt as iso, uuidv7At } from './random.ts';
import { DAY, type DatasetSpec } from './spec.ts';
import type { RowBuffer } from './tables.ts';

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
/** Far enough ahead that a cached dataset's sessions never expire. */
const SESSION_EXPIRY = '2999-01-01T00:00:00.000Z';

const searchText = (fields: (string | null)[]): string =>
  fields
    .filter((f): f is string => typeof f === 'string' && f.length > 0)
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** The rows of everything but content: people, sessions, spaces, memberships, follows, records. */
export function organizationRows(spec: DatasetSpec, org: Organization, out: RowBuffer): void {
  const rng = createRng(spec.seed + 1);
  const { people, spaces } = org;
  const idOf = (index: number): string => people[index]?.id ?? '';
  const admin = idOf(0);
  out.add('internal_domains', [BENCH_DOMAIN, null, iso(org.createdMs)]);
  for (const p of people) {
    const created = iso(p.createdMs);
    out.add('people', [
      p.id,
      p.email,
      null,
      p.name,
      p.handle,
      p.kind,
      p.role,
      p.status,
      p.kind === 'member' ? `${p.department} specialist` : null,
      p.department,
      p.location,
      p.managerIndex === null ? null : idOf(p.managerIndex),
      null,
      null,
      p.organization,
      null,
      searchText([p.name, p.handle, p.department, p.location, p.organization]),
      created,
      created,
      p.status === 'deactivated' ? iso(spec.endMs - 30 * DAY) : null,
    ]);
  }
  for (const session of org.sessions) {
    const created = iso(spec.endMs);
    out.add('sessions', [
      uuidv7At(spec.endMs + session.personIndex, rng),
      sha256(session.token),
      idOf(session.personIndex),
      created,
      created,
      SESSION_EXPIRY,
      '127.0.0.1',
      'atrium-bench',
    ]);
  }
  for (const s of spaces) {
    const created = iso(s.createdMs);
    const owner = idOf(org.members[s.index]?.[0] ?? 0);
    const description = `Where ${s.name} works together.`;
    out.add('spaces', [
      s.id,
      s.handle,
      s.name,
      description,
      '',
      null,
      s.audience,
      s.visibility,
      0,
      searchText([s.name, s.handle, description]),
      owner,
      created,
      created,
    ]);
    org.members[s.index]?.forEach((personIndex, position) => {
      const role =
        position === 0 ? 'owner' : position === 1 ? 'admin' : position === 2 ? 'moderator' : 'member';
      const joined = iso(Math.max(s.createdMs, people[personIndex]?.createdMs ?? 0) + position);
      out.add('space_members', [s.id, idOf(personIndex), role, 'manual', joined]);
    });
  }
  for (const [follower, followee] of org.follows) {
    out.add('follows', [idOf(follower), idOf(followee), iso(spec.startMs)]);
  }
  const created = iso(org.createdMs);
  for (const t of org.recordTypes) {
    const fields = JSON.stringify([{ key: 'owner', label: 'Owner', type: 'text' }]);
    out.add('record_types', [t.id, t.key, t.name, fields, admin, created, created]);
  }
  org.records.forEach((r, i) => {
    const type = org.recordTypes[r.typeIndex];
    out.add('records', [
      r.id,
      type?.id ?? '',
      r.name,
      'crm',
      `${type?.key}-${i + 1}`,
      `https://crm.example/${type?.key}/${i + 1}`,
      JSON.stringify({ owner: people[org.employees[i % org.employees.length] ?? 0]?.name ?? '' }),
      searchText([r.name]),
      admin,
      created,
      created,
    ]);
  });
  for (const f of org.feedFollows)
    out.add('feed_follows', [idOf(f.person), f.type, f.target, iso(spec.startMs)]);
  for (const m of org.mutes) out.add('feed_mutes', [idOf(m.person), m.type, m.target, iso(spec.startMs)]);
}
