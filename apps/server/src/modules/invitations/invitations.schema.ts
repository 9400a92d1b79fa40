import { PERSON_KINDS, SITE_ROLES } from '@atrium/contracts';
import { Type } from 'typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import { Nullable } from '../../platform/http/schema-parts.ts';
import { NestedPersonSummary } from '../admin/admin.schema.ts';
import { Email, Name, Password } from '../auth/auth.schema.ts';

export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

const Token = Type.String({ minLength: 10, maxLength: 200 });

export const InvitationSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  kind: Type.Enum(PERSON_KINDS),
  role: Type.Enum(SITE_ROLES),
  status: Type.Enum(INVITATION_STATUSES),
  invitedBy: Nullable(NestedPersonSummary),
  createdAt: Type.String(),
  expiresAt: Type.String(),
  acceptedAt: Nullable(Type.String()),
});

export const InvitationListQuery = Type.Object(
  { status: Type.Optional(Type.Enum(INVITATION_STATUSES)), ...PageQuery },
  { additionalProperties: false },
);

export const InvitationCreateBody = Type.Object(
  { email: Email, role: Type.Optional(Type.Enum(SITE_ROLES)) },
  { additionalProperties: false },
);

export const PreviewBody = Type.Object({ token: Token }, { additionalProperties: false });
export const PreviewSchema = Type.Object({
  email: Type.String(),
  kind: Type.Enum(PERSON_KINDS),
  invitedBy: Type.Object({ name: Type.String() }),
});

export const AcceptBody = Type.Object(
  { token: Token, name: Name, password: Password },
  { additionalProperties: false },
);
