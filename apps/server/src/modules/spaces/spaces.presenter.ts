import type { SpaceRole } from '@atrium/contracts';
import type { Static } from 'typebox';
import { canSeePerson, type Viewer } from '../../platform/access/people.ts';
import { canReadSpace } from '../../platform/access/spaces.ts';
import { presentSummary } from '../people/people.presenter.ts';
import { type Executor, findPersonById } from '../people/people.repository.ts';
import { spaceAbilities } from './spaces.policy.ts';
import {
  memberCounts,
  membershipsOf,
  pendingRequestsOf,
  rulesOf,
  type SpaceRow,
} from './spaces.repository.ts';
import type { SpaceSchema, SpaceSummarySchema } from './spaces.schema.ts';

export type SpaceSummary = Static<typeof SpaceSummarySchema>;
export type Space = Static<typeof SpaceSchema>;

const imageUrl = (row: SpaceRow, kind: 'avatar' | 'cover', fileId: string | null) =>
  fileId ? `/api/v1/spaces/${row.handle}/${kind}?v=${fileId}` : null;

export function presentSpaceSummary(
  viewer: Viewer,
  row: SpaceRow,
  facts: { role: SpaceRole | undefined; memberCount: number; pendingRequestId: string | undefined },
): SpaceSummary {
  const membership = facts.role ? { role: facts.role } : undefined;
  const readable = canReadSpace(viewer, row, membership);
  return {
    id: row.id,
    handle: row.handle,
    name: row.name,
    description: row.description,
    category: row.category,
    audience: row.audience,
    visibility: row.visibility,
    isDefault: row.is_default === 1,
    archived: row.archived_at !== null,
    avatarUrl: imageUrl(row, 'avatar', row.avatar_file_id),
    coverUrl: imageUrl(row, 'cover', row.cover_file_id),
    // A private space shows its name and description only: not even how many belong to it.
    memberCount: readable ? facts.memberCount : null,
    membership: membership ?? null,
    joinRequest: facts.pendingRequestId ? { id: facts.pendingRequestId, status: 'pending' } : null,
    abilities: {
      ...spaceAbilities(viewer, row, membership, facts.pendingRequestId !== undefined),
      delete: false,
    },
  };
}

/** Presents many spaces with three batched lookups (memberships, counts, pending requests). */
export async function presentSpaceSummaries(
  db: Executor,
  viewer: Viewer,
  rows: SpaceRow[],
): Promise<SpaceSummary[]> {
  const ids = rows.map((r) => r.id);
  const [roles, counts, requests] = await Promise.all([
    membershipsOf(db, viewer.id, ids),
    memberCounts(db, ids),
    pendingRequestsOf(db, viewer.id, ids),
  ]);
  return rows.map((row) =>
    presentSpaceSummary(viewer, row, {
      role: roles.get(row.id),
      memberCount: counts.get(row.id) ?? 0,
      pendingRequestId: requests.get(row.id),
    }),
  );
}

/**
 * The full space: the summary, plus who created it (only if the viewer may see that person) and the
 * membership rules (only for those who manage the space).
 */
export async function presentSpace(db: Executor, viewer: Viewer, row: SpaceRow): Promise<Space> {
  const [summary] = await presentSpaceSummaries(db, viewer, [row]);
  if (!summary) throw new Error('presentSpaceSummaries returned nothing');
  const creator = row.created_by ? await findPersonById(db, row.created_by) : undefined;
  const createdBy = creator && (await canSeePerson(db, viewer, creator)) ? presentSummary(creator) : null;
  const rules = summary.abilities.manageSettings ? await rulesOf(db, row.id) : [];
  return {
    ...summary,
    guidelines: row.guidelines,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy,
    rules,
  };
}
