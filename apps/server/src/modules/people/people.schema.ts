import { PERSON_KINDS, SITE_ROLES } from '@atrium/contracts';
import { Type } from 'typebox';

const Nullable = <T extends import('typebox').TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const PersonSummarySchema = Type.Object(
  {
    id: Type.String(),
    handle: Type.String(),
    name: Type.String(),
    kind: Type.Enum(PERSON_KINDS),
    role: Type.Enum(SITE_ROLES),
    status: Type.Union([Type.Literal('active'), Type.Literal('deactivated')]),
    title: Nullable(Type.String()),
    department: Nullable(Type.String()),
    location: Nullable(Type.String()),
    organization: Nullable(Type.String()),
    avatarUrl: Nullable(Type.String()),
  },
  { $id: 'PersonSummary' },
);

export const MeSchema = Type.Object({
  person: Type.Intersect([PersonSummarySchema, Type.Object({ email: Type.String() })]),
  csrfToken: Type.Union([Type.String(), Type.Null()]),
  abilities: Type.Object({
    administer: Type.Boolean(),
    moderate: Type.Boolean(),
    browseDirectory: Type.Boolean(),
  }),
});
