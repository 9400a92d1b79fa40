import {
  CUSTOM_FIELD_TYPES,
  FIELD_VISIBILITIES,
  HANDLE_PATTERN,
  LIMITS,
  PERSON_KINDS,
  PRESENCE_STATES,
  SITE_ROLES,
} from '@atrium/contracts';
import { Type } from 'typebox';
import { PageQuery, pageSchema } from '../../platform/http/pagination.ts';
import { Nullable } from '../../platform/http/schema-parts.ts';
import { StatusSchema } from '../presence/presence.schema.ts';

const summaryProperties = {
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
  /**
   * Where shown (directory, profiles, mention suggestions): online/away/offline from open sockets, null
   * when the viewer may not see it; and the person's status, null when plainly available. Absent where
   * a summary is only an attribution (authors, actors).
   */
  presence: Type.Optional(Nullable(Type.Enum(PRESENCE_STATES))),
  currentStatus: Type.Optional(Nullable(StatusSchema)),
};

export const PersonSummarySchema = Type.Object(summaryProperties, { $id: 'PersonSummary' });
/** The same shape without the $id, for nesting where one response holds several summaries. */
const PersonSummaryShape = Type.Object(summaryProperties);

export const MeSchema = Type.Object({
  person: Type.Intersect([PersonSummarySchema, Type.Object({ email: Type.String() })]),
  csrfToken: Type.Union([Type.String(), Type.Null()]),
  abilities: Type.Object({
    administer: Type.Boolean(),
    moderate: Type.Boolean(),
    browseDirectory: Type.Boolean(),
  }),
});

export const HandleParams = Type.Object({
  handle: Type.String({ minLength: 1, maxLength: LIMITS.handle.max, pattern: HANDLE_PATTERN }),
});

/** Blank filters are ignored rather than refused: forms send empty fields. */
const Filter = (maxLength: number) => Type.Optional(Type.String({ maxLength }));

export const DirectoryQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: LIMITS.searchQuery })),
    department: Filter(LIMITS.department),
    location: Filter(LIMITS.location),
    skill: Filter(LIMITS.skill),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const PageOnlyQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

export const PersonPageSchema = pageSchema(PersonSummaryShape);

const Facet = Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() }));
export const FacetsSchema = Type.Object({ departments: Facet, locations: Facet, skills: Facet });

export const ProfileSchema = Type.Object({
  ...summaryProperties,
  email: Nullable(Type.String()),
  bio: Nullable(Type.String()),
  timeZone: Nullable(Type.String()),
  manager: Nullable(PersonSummaryShape),
  skills: Type.Array(Type.String()),
  customFields: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      type: Type.Enum(CUSTOM_FIELD_TYPES),
      value: Type.String(),
    }),
  ),
  followersCount: Type.Integer(),
  followingCount: Type.Integer(),
  isFollowing: Type.Boolean(),
  createdAt: Type.String(),
  abilities: Type.Object({ edit: Type.Boolean(), follow: Type.Boolean(), administer: Type.Boolean() }),
});

const Optional = (maxLength: number) => Type.Optional(Nullable(Type.String({ maxLength })));

export const ProfilePatchBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.personName })),
    title: Optional(LIMITS.title),
    department: Optional(LIMITS.department),
    location: Optional(LIMITS.location),
    managerHandle: Type.Optional(
      Nullable(Type.String({ minLength: 1, maxLength: LIMITS.handle.max, pattern: HANDLE_PATTERN })),
    ),
    bio: Optional(LIMITS.bio),
    skills: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: LIMITS.skill }), {
        maxItems: LIMITS.skillsPerPerson,
      }),
    ),
    timeZone: Optional(LIMITS.timeZone),
    customFields: Type.Optional(
      Type.Record(
        Type.String({ minLength: 1, maxLength: LIMITS.customFieldKey }),
        Nullable(Type.String({ maxLength: LIMITS.customFieldValue })),
        { maxProperties: LIMITS.customFields },
      ),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const OrgSchema = Type.Object({
  chain: Type.Array(PersonSummaryShape),
  reports: Type.Array(PersonSummaryShape),
});

export const AvatarQuery = Type.Object(
  {
    size: Type.Optional(Type.Enum(['small', 'large'], { default: 'small' })),
    v: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

export const CustomFieldSchema = Type.Object({
  id: Type.String(),
  key: Type.String(),
  label: Type.String(),
  type: Type.Enum(CUSTOM_FIELD_TYPES),
  options: Type.Array(Type.String()),
  visibility: Type.Enum(FIELD_VISIBILITIES),
  position: Type.Integer(),
});
