import {
  LIMITS,
  SPACE_AUDIENCES,
  SPACE_ROLES,
  SPACE_RULE_FIELDS,
  SPACE_VISIBILITIES,
} from '@atrium/contracts';
import { Type } from 'typebox';
import { PageQuery, pageSchema } from '../../platform/http/pagination.ts';
import { Nullable } from '../../platform/http/schema-parts.ts';
import { PersonSummarySchema } from '../people/people.schema.ts';

export const SpaceAbilitiesSchema = Type.Object({
  read: Type.Boolean(),
  join: Type.Boolean(),
  requestToJoin: Type.Boolean(),
  leave: Type.Boolean(),
  invite: Type.Boolean(),
  manageMembers: Type.Boolean(),
  manageSettings: Type.Boolean(),
  archive: Type.Boolean(),
  changeAudience: Type.Boolean(),
  /** Spaces are archived, never deleted, in this version: always false. */
  delete: Type.Literal(false),
});

export const SpaceSummarySchema = Type.Object({
  id: Type.String(),
  handle: Type.String(),
  name: Type.String(),
  description: Type.String(),
  category: Nullable(Type.String()),
  audience: Type.Enum(SPACE_AUDIENCES),
  visibility: Type.Enum(SPACE_VISIBILITIES),
  isDefault: Type.Boolean(),
  archived: Type.Boolean(),
  avatarUrl: Nullable(Type.String()),
  coverUrl: Nullable(Type.String()),
  memberCount: Nullable(Type.Integer()),
  membership: Nullable(Type.Object({ role: Type.Enum(SPACE_ROLES) })),
  joinRequest: Nullable(Type.Object({ id: Type.String(), status: Type.Literal('pending') })),
  abilities: SpaceAbilitiesSchema,
});

export const SpaceRuleSchema = Type.Object({
  id: Type.String(),
  field: Type.Enum(SPACE_RULE_FIELDS),
  value: Type.String(),
});

export const SpaceSchema = Type.Intersect([
  SpaceSummarySchema,
  Type.Object({
    guidelines: Type.String(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    createdBy: Nullable(PersonSummarySchema),
    rules: Type.Array(SpaceRuleSchema),
  }),
]);

export const SpaceHandle = Type.String({
  minLength: LIMITS.handle.min,
  maxLength: LIMITS.handle.max,
  pattern: '^[a-z0-9][a-z0-9._-]*$',
});
export const HandleParams = Type.Object({ handle: SpaceHandle });

const Text = (maxLength: number) => Type.String({ maxLength });
const OptionalText = (maxLength: number) => Type.Optional(Nullable(Text(maxLength)));
/** Query strings are coerced: `archived=true` arrives as a boolean. */
const Bool = Type.Boolean();

export const SpaceNameText = Type.String({ minLength: 1, maxLength: LIMITS.spaceName });

export const CreateSpaceBody = Type.Object(
  {
    name: SpaceNameText,
    handle: Type.Optional(SpaceHandle),
    description: OptionalText(LIMITS.spaceDescription),
    guidelines: OptionalText(LIMITS.spaceGuidelines),
    category: OptionalText(LIMITS.spaceCategory),
    audience: Type.Enum(SPACE_AUDIENCES),
    visibility: Type.Enum(SPACE_VISIBILITIES),
    isDefault: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const UpdateSpaceBody = Type.Object(
  {
    name: Type.Optional(SpaceNameText),
    description: OptionalText(LIMITS.spaceDescription),
    guidelines: OptionalText(LIMITS.spaceGuidelines),
    category: OptionalText(LIMITS.spaceCategory),
    visibility: Type.Optional(Type.Enum(SPACE_VISIBILITIES)),
    audience: Type.Optional(Type.Enum(SPACE_AUDIENCES)),
    isDefault: Type.Optional(Type.Boolean()),
    confirmAudienceChange: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const DirectoryQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: LIMITS.searchQuery })),
    category: Type.Optional(Type.String({ maxLength: LIMITS.spaceCategory })),
    audience: Type.Optional(Type.Enum(SPACE_AUDIENCES)),
    membership: Type.Optional(Type.Enum(['mine', 'all'])),
    archived: Type.Optional(Bool),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const AdminSpacesQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: LIMITS.searchQuery })),
    audience: Type.Optional(Type.Enum(SPACE_AUDIENCES)),
    visibility: Type.Optional(Type.Enum(SPACE_VISIBILITIES)),
    archived: Type.Optional(Bool),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const SpacePageSchema = pageSchema(SpaceSummarySchema);
export const AdminSpacePageSchema = pageSchema(
  Type.Object({ ...SpaceSummarySchema.properties, memberCount: Type.Integer() }),
);

export const CategoriesSchema = Type.Object({
  items: Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() })),
});

export const ImageQuery = Type.Object(
  {
    size: Type.Optional(Type.Enum(['small', 'large'], { default: 'small' })),
    v: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
