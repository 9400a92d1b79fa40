import { LIMITS, SPACE_AUDIENCES, SPACE_ROLES, SPACE_RULE_FIELDS } from '@atrium/contracts';
import { Type } from 'typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import { Id, Nullable } from '../../platform/http/schema-parts.ts';
import { NestedPersonSummary } from '../admin/admin.schema.ts';
import { Email, Name, Password } from '../auth/auth.schema.ts';
import { HandleParams, SpaceHandle, SpaceSummarySchema } from '../spaces/spaces.schema.ts';

export { Id, IdParams } from '../../platform/http/schema-parts.ts';

const Token = Type.String({ minLength: 10, maxLength: 200 });

export const MEMBER_SOURCES = ['manual', 'rule', 'default'] as const;
export const JOIN_REQUEST_STATUSES = ['pending', 'approved', 'declined'] as const;
export type JoinRequestStatus = (typeof JOIN_REQUEST_STATUSES)[number];
export const SPACE_INVITATION_STATUSES = ['pending', 'accepted', 'declined', 'revoked', 'expired'] as const;
export type SpaceInvitationStatus = (typeof SPACE_INVITATION_STATUSES)[number];

export { HandleParams };
export const MemberParams = Type.Object({ handle: SpaceHandle, personId: Id });
export const ItemParams = Type.Object({ handle: SpaceHandle, id: Id });

export const MembershipSchema = Type.Object({
  membership: Type.Object({ role: Type.Enum(SPACE_ROLES) }),
});

export const MemberSchema = Type.Object({
  person: NestedPersonSummary,
  role: Type.Enum(SPACE_ROLES),
  source: Type.Enum(MEMBER_SOURCES),
  joinedAt: Type.String(),
});

export const MembersQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: LIMITS.searchQuery })),
    role: Type.Optional(Type.Enum(SPACE_ROLES)),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const RoleBody = Type.Object({ role: Type.Enum(SPACE_ROLES) }, { additionalProperties: false });
export const TransferBody = Type.Object({ personId: Id }, { additionalProperties: false });

export const JoinRequestSchema = Type.Object({
  id: Type.String(),
  person: NestedPersonSummary,
  message: Type.String(),
  status: Type.Enum(JOIN_REQUEST_STATUSES),
  createdAt: Type.String(),
  decidedAt: Nullable(Type.String()),
  decidedBy: Nullable(NestedPersonSummary),
});

export const JoinRequestBody = Type.Object(
  { message: Type.Optional(Type.String({ maxLength: LIMITS.joinRequestMessage })) },
  { additionalProperties: false },
);

export const JoinRequestsQuery = Type.Object(
  { status: Type.Optional(Type.Enum(JOIN_REQUEST_STATUSES)), ...PageQuery },
  { additionalProperties: false },
);

export const SpaceInvitationSchema = Type.Object({
  id: Type.String(),
  email: Nullable(Type.String()),
  person: Nullable(NestedPersonSummary),
  role: Type.Enum(SPACE_ROLES),
  status: Type.Enum(SPACE_INVITATION_STATUSES),
  invitedBy: Nullable(NestedPersonSummary),
  createdAt: Type.String(),
  expiresAt: Type.String(),
});

export const MySpaceInvitationsSchema = Type.Object({
  items: Type.Array(Type.Object({ ...SpaceInvitationSchema.properties, space: SpaceSummarySchema })),
});

export const InvitationsQuery = Type.Object(
  { status: Type.Optional(Type.Enum(SPACE_INVITATION_STATUSES)), ...PageQuery },
  { additionalProperties: false },
);

/** Exactly one of email or personId. */
export const InvitationBody = Type.Union([
  Type.Object({ email: Email, role: Type.Optional(Type.Enum(SPACE_ROLES)) }, { additionalProperties: false }),
  Type.Object({ personId: Id, role: Type.Optional(Type.Enum(SPACE_ROLES)) }, { additionalProperties: false }),
]);

export const PreviewBody = Type.Object({ token: Token }, { additionalProperties: false });
export const PreviewSchema = Type.Object({
  email: Type.String(),
  space: Type.Object({
    name: Type.String(),
    handle: Type.String(),
    audience: Type.Enum(SPACE_AUDIENCES),
  }),
  invitedBy: Type.Object({ name: Type.String() }),
  personExists: Type.Boolean(),
});
export const AcceptBody = Type.Object(
  { token: Token, name: Name, password: Password },
  { additionalProperties: false },
);

export const RuleSchema = Type.Object({
  id: Type.String(),
  field: Type.Enum(SPACE_RULE_FIELDS),
  value: Type.String(),
});
export const RulesSchema = Type.Object({ items: Type.Array(RuleSchema) });
export const RuleBody = Type.Object(
  {
    field: Type.Enum(SPACE_RULE_FIELDS),
    value: Type.String({ minLength: 1, maxLength: Math.max(LIMITS.department, LIMITS.location) }),
  },
  { additionalProperties: false },
);
