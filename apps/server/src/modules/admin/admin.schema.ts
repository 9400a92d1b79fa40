import {
  CUSTOM_FIELD_TYPES,
  FIELD_VISIBILITIES,
  LIMITS,
  PERSON_STATUSES,
  SITE_ROLES,
} from '@atrium/contracts';
import { Type } from 'typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import { Nullable } from '../../platform/http/schema-parts.ts';
import { PersonSummarySchema } from '../people/people.schema.ts';

export { IdParams } from '../../platform/http/schema-parts.ts';

/** PersonSummary's fields without its $id, so it can be nested and extended in several responses. */
export const PersonSummaryFields = PersonSummarySchema.properties;
export const NestedPersonSummary = Type.Object(PersonSummaryFields);

export const AdminPersonSchema = Type.Object({
  ...PersonSummaryFields,
  email: Type.String(),
  createdAt: Type.String(),
  deactivatedAt: Nullable(Type.String()),
});

export const AdminPeopleQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: LIMITS.searchQuery })),
    status: Type.Optional(Type.Enum(PERSON_STATUSES)),
    role: Type.Optional(Type.Enum(SITE_ROLES)),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const RoleBody = Type.Object({ role: Type.Enum(SITE_ROLES) }, { additionalProperties: false });

export const AuditQuery = Type.Object(
  {
    action: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    actorId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const AuditEntrySchema = Type.Object({
  id: Type.String(),
  actor: Nullable(NestedPersonSummary),
  action: Type.String(),
  targetType: Nullable(Type.String()),
  targetId: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  data: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Type.String(),
});

export const InternalDomainSchema = Type.Object({ domain: Type.String(), createdAt: Type.String() });
export const DomainBody = Type.Object(
  { domain: Type.String({ minLength: 1, maxLength: LIMITS.domain }) },
  { additionalProperties: false },
);
export const DomainParams = Type.Object({ domain: Type.String({ minLength: 1, maxLength: LIMITS.domain }) });

const FieldLabel = Type.String({ minLength: 1, maxLength: LIMITS.customFieldLabel });
const FieldOptions = Type.Array(Type.String({ minLength: 1, maxLength: LIMITS.customFieldLabel }), {
  maxItems: LIMITS.customFieldOptions,
});

export const CustomFieldSchema = Type.Object({
  id: Type.String(),
  key: Type.String(),
  label: Type.String(),
  type: Type.Enum(CUSTOM_FIELD_TYPES),
  options: Type.Array(Type.String()),
  visibility: Type.Enum(FIELD_VISIBILITIES),
  position: Type.Integer(),
});

export const CustomFieldCreateBody = Type.Object(
  {
    key: Type.String({ minLength: 1, maxLength: LIMITS.customFieldKey, pattern: '^[a-z][a-z0-9_]*$' }),
    label: FieldLabel,
    type: Type.Enum(CUSTOM_FIELD_TYPES),
    options: Type.Optional(FieldOptions),
    visibility: Type.Enum(FIELD_VISIBILITIES),
  },
  { additionalProperties: false },
);

export const CustomFieldPatchBody = Type.Object(
  {
    label: Type.Optional(FieldLabel),
    options: Type.Optional(FieldOptions),
    visibility: Type.Optional(Type.Enum(FIELD_VISIBILITIES)),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  },
  { additionalProperties: false },
);
