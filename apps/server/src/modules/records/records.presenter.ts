import type { Static } from 'typebox';
import type { Viewer } from '../../platform/access/people.ts';
import { readableSpacesFilter, visibleSpacesFilter } from '../../platform/access/spaces.ts';
import type { Executor } from '../../platform/db/executor.ts';
import { presentSpaceSummaries } from '../spaces/spaces.presenter.ts';
import { isHttpUrl, parseDefinitions, parseValues, presentedFields } from './record-fields.ts';
import { recordAbilities } from './records.policy.ts';
import {
  followerFacts,
  type RecordRow,
  type RecordTypeRow,
  recordTypesByIds,
  sharedSpaces,
} from './records.repository.ts';
import type { RecordSchema, RecordSummarySchema, RecordTypeSchema } from './records.schema.ts';

export type RecordTypeView = Static<typeof RecordTypeSchema>;
export type RecordSummaryView = Static<typeof RecordSummarySchema>;
export type RecordView = Static<typeof RecordSchema>;

export function presentRecordType(row: RecordTypeRow): RecordTypeView {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    fields: parseDefinitions(row.fields),
    archived: row.archived_at !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The link back and the external identifiers point into the organization's own systems (a CRM): they
 * are shown to employees only.
 */
export function presentRecordSummary(viewer: Viewer, row: RecordRow, type: RecordTypeRow): RecordSummaryView {
  const employee = viewer.kind === 'member';
  // Stored links were checked when written; checked again so nothing but http(s) is ever rendered as a link.
  const link = row.external_url !== null && isHttpUrl(row.external_url) ? row.external_url : null;
  return {
    id: row.id,
    type: { key: type.key, name: type.name, archived: type.archived_at !== null },
    name: row.name,
    externalSystem: employee ? row.external_system : null,
    externalId: employee ? row.external_id : null,
    externalUrl: employee ? link : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function presentRecordSummaries(
  db: Executor,
  viewer: Viewer,
  rows: RecordRow[],
): Promise<RecordSummaryView[]> {
  const types = await recordTypesByIds(
    db,
    rows.map((row) => row.type_id),
  );
  return rows.flatMap((row) => {
    const type = types.get(row.type_id);
    return type ? [presentRecordSummary(viewer, row, type)] : [];
  });
}

/**
 * The record page: fields with labels in the type's order, followers, the spaces it is shared into.
 * An external person reads a shared record only for its posts in their spaces (ACCESS-MODEL: "that
 * record's posts in that space — never the rest"): they get its identity (type and name) and the spaces
 * they read it through, never its field values nor who follows it.
 */
export async function presentRecord(db: Executor, viewer: Viewer, row: RecordRow): Promise<RecordView> {
  const types = await recordTypesByIds(db, [row.type_id]);
  const type = types.get(row.type_id);
  if (!type) throw new Error(`record ${row.id} has no type`);
  const employee = viewer.kind === 'member';
  // Employees see every share they may know exists; an external person only the spaces they may read.
  const spaceFilter = employee ? visibleSpacesFilter(db, viewer) : readableSpacesFilter(db, viewer);
  const [followers, spaces] = await Promise.all([
    employee ? followerFacts(db, row.id, viewer.id) : { count: 0, mine: false },
    sharedSpaces(db, row.id, spaceFilter),
  ]);
  return {
    ...presentRecordSummary(viewer, row, type),
    fields: employee ? presentedFields(parseDefinitions(type.fields), parseValues(row.fields)) : [],
    followerCount: followers.count,
    followedByMe: followers.mine,
    sharedInto: await presentSpaceSummaries(db, viewer, spaces),
    abilities: recordAbilities(viewer, type),
  };
}
