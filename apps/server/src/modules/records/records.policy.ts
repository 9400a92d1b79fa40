import type { Viewer } from '../../platform/access/people.ts';
import type { Membership } from '../../platform/access/spaces.ts';
import { roleAtLeast } from '../spaces/spaces.policy.ts';
import type { RecordTypeRow } from './records.repository.ts';

/** Pure rules for records; who may open one is decided in record-access.ts. */

/** Employees keep records up to date; a record of an archived type is read-only. */
export const canEditRecord = (viewer: Viewer, type: Pick<RecordTypeRow, 'archived_at'>): boolean =>
  viewer.kind === 'member' && type.archived_at === null;

/** Sharing a record into a space (and taking it out) is for the space's owners and admins. */
export const canShareInto = (viewer: Viewer, membership: Membership | undefined): boolean =>
  viewer.kind === 'member' && roleAtLeast(membership, 'admin');

export function recordAbilities(viewer: Viewer, type: Pick<RecordTypeRow, 'archived_at'>) {
  const employee = viewer.kind === 'member';
  return {
    edit: canEditRecord(viewer, type),
    // Into spaces the viewer manages; the share dialog lists those.
    share: employee,
    // The record's own feed is for employees: external people follow the spaces it is shared into.
    follow: employee,
    post: employee,
  };
}
