import type { RecordFieldType } from '@atrium/contracts';
import type { SpaceSummary } from '../spaces/types.ts';

export interface RecordField {
  key: string;
  label: string;
  type: RecordFieldType;
  value: string | number | null;
}

/** A record page: the social layer over a thing in another system (a campaign, an account…). */
export interface RecordView {
  id: string;
  type: { key: string; name: string; archived: boolean };
  name: string;
  /** Where it lives in its own system: employees only. */
  externalSystem: string | null;
  externalId: string | null;
  externalUrl: string | null;
  createdAt: string;
  updatedAt: string;
  fields: RecordField[];
  followerCount: number;
  followedByMe: boolean;
  sharedInto: SpaceSummary[];
  abilities: { edit: boolean; share: boolean; follow: boolean; post: boolean };
}

/** A field a record type defines (set by site admins). */
export interface RecordFieldDefinition {
  key: string;
  label: string;
  type: RecordFieldType;
  /** The choices of a select field; empty for other types. */
  options: string[];
  required: boolean;
}

export interface RecordType {
  id: string;
  key: string;
  name: string;
  fields: RecordFieldDefinition[];
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A row of GET /api/v1/records. */
export type RecordSummary = Pick<
  RecordView,
  'id' | 'type' | 'name' | 'externalSystem' | 'externalId' | 'externalUrl' | 'createdAt' | 'updatedAt'
>;

export interface CreateRecordInput {
  type: string;
  name: string;
  fields: Record<string, string>;
  externalUrl?: string;
}
