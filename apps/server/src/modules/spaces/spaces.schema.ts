import {
  LIMITS,
  SPACE_AUDIENCES,
  SPACE_ROLES,
  SPACE_RULE_FIELDS,
  SPACE_VISIBILITIES,
} from '@atrium/contracts';
import { Type } from 'typebox';
import { PersonSummarySchema } from '../people/people.schema.ts';

const Nullable = <T extends import('typebox').TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

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
