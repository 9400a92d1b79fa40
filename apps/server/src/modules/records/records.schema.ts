import { HANDLE_PATTERN, LIMITS, RECORD_FIELD_TYPES } from '@atrium/contracts';
import { Type } from 'typebox';
import { PageQuery, pageSchema } from '../../platform/http/pagination.ts';
import { Id, Nullable } from '../../platform/http/schema-parts.ts';
import { SpaceSummarySchema } from '../spaces/spaces.schema.ts';

/** A record type's key reads like a handle: `campaign`, `account`, `sales-opportunity`. */
export const RecordTypeKey = Type.String({
  minLength: LIMITS.handle.min,
  maxLength: LIMITS.recordTypeKey,
  pattern: HANDLE_PATTERN,
});
const FieldKey = Type.String({ minLength: 1, maxLength: LIMITS.recordTypeKey, pattern: '^[a-z][a-z0-9_]*$' });
/** The system a record comes from, e.g. `salesforce`, `hubspot`: lower-case, like a handle. */
const ExternalSystem = Type.String({
  minLength: 1,
  maxLength: LIMITS.externalSystem,
  pattern: HANDLE_PATTERN,
});
const ExternalId = Type.String({ minLength: 1, maxLength: LIMITS.externalId });
const ExternalUrl = Nullable(Type.String({ maxLength: LIMITS.url }));
const RecordName = Type.String({ minLength: 1, maxLength: LIMITS.recordName });
const TypeName = Type.String({ minLength: 1, maxLength: LIMITS.recordTypeName });

export const RecordTypeParams = Type.Object({ key: RecordTypeKey });
export const RecordParams = Type.Object({ id: Id });
export const RecordShareParams = Type.Object({ id: Id, spaceId: Id });

const FieldDefinitionInput = Type.Object(
  {
    key: FieldKey,
    label: Type.String({ minLength: 1, maxLength: LIMITS.recordFieldLabel }),
    type: Type.Enum(RECORD_FIELD_TYPES),
    options: Type.Optional(
      Type.Array(Type.String({ maxLength: LIMITS.recordFieldLabel }), {
        maxItems: LIMITS.customFieldOptions,
      }),
    ),
    required: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const FieldDefinitions = Type.Array(FieldDefinitionInput, { maxItems: LIMITS.recordTypeFields });

export const CreateRecordTypeBody = Type.Object(
  { key: RecordTypeKey, name: TypeName, fields: Type.Optional(FieldDefinitions) },
  { additionalProperties: false },
);

/** `fields`, when sent, is the whole new list in display order: add, remove, relabel, reorder. */
export const UpdateRecordTypeBody = Type.Object(
  { name: Type.Optional(TypeName), fields: Type.Optional(FieldDefinitions) },
  { additionalProperties: false, minProperties: 1 },
);

export const RecordTypesQuery = Type.Object(
  { archived: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

export const RecordFieldDefinitionSchema = Type.Object({
  key: Type.String(),
  label: Type.String(),
  type: Type.Enum(RECORD_FIELD_TYPES),
  options: Type.Array(Type.String()),
  required: Type.Boolean(),
});

export const RecordTypeSchema = Type.Object({
  id: Type.String(),
  key: Type.String(),
  name: Type.String(),
  fields: Type.Array(RecordFieldDefinitionSchema),
  archived: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export const RecordTypeListSchema = Type.Object({ items: Type.Array(RecordTypeSchema) });

/** Values by field key; a value is text, a number, or null to clear it. Checked against the type. */
const FieldValues = Type.Record(
  Type.String({ maxLength: LIMITS.recordTypeKey }),
  Type.Union([Type.String({ maxLength: LIMITS.recordFieldValue }), Type.Number(), Type.Null()]),
  { maxProperties: LIMITS.recordTypeFields },
);

export const CreateRecordBody = Type.Object(
  {
    type: RecordTypeKey,
    name: RecordName,
    fields: Type.Optional(FieldValues),
    externalSystem: Type.Optional(ExternalSystem),
    externalId: Type.Optional(ExternalId),
    externalUrl: Type.Optional(ExternalUrl),
  },
  { additionalProperties: false },
);

export const UpsertRecordBody = Type.Object(
  {
    type: RecordTypeKey,
    externalSystem: ExternalSystem,
    externalId: ExternalId,
    name: RecordName,
    fields: Type.Optional(FieldValues),
    externalUrl: Type.Optional(ExternalUrl),
  },
  { additionalProperties: false },
);

/** `fields` merges: keys sent are set (null clears), the others keep their values. */
export const UpdateRecordBody = Type.Object(
  {
    name: Type.Optional(RecordName),
    fields: Type.Optional(FieldValues),
    externalUrl: Type.Optional(ExternalUrl),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const RecordsQuery = Type.Object(
  {
    type: Type.Optional(RecordTypeKey),
    q: Type.Optional(Type.String({ maxLength: LIMITS.searchQuery })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

const RecordTypeRef = Type.Object({ key: Type.String(), name: Type.String(), archived: Type.Boolean() });

export const RecordSummarySchema = Type.Object({
  id: Type.String(),
  type: RecordTypeRef,
  name: Type.String(),
  /** Where the record lives in its own system: null for external people. */
  externalSystem: Nullable(Type.String()),
  externalId: Nullable(Type.String()),
  externalUrl: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const RecordSchema = Type.Object({
  ...RecordSummarySchema.properties,
  /** Empty for external people: they read the record's posts in their spaces, never its values. */
  fields: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      type: Type.Enum(RECORD_FIELD_TYPES),
      value: Type.Union([Type.String(), Type.Number(), Type.Null()]),
    }),
  ),
  /** 0 for external people, who never learn who follows a record. */
  followerCount: Type.Integer(),
  followedByMe: Type.Boolean(),
  /** The external spaces the record is shared into, among those the viewer may see. */
  sharedInto: Type.Array(SpaceSummarySchema),
  abilities: Type.Object({
    edit: Type.Boolean(),
    share: Type.Boolean(),
    follow: Type.Boolean(),
    post: Type.Boolean(),
  }),
});

export const RecordPageSchema = pageSchema(RecordSummarySchema);
