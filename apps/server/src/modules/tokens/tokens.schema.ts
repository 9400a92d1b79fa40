import { LIMITS, TOKEN_SCOPES } from '@atrium/contracts';
import { Type } from 'typebox';

const NullableString = Type.Union([Type.String(), Type.Null()]);

export const TokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  scopes: Type.Array(Type.Enum(TOKEN_SCOPES)),
  createdAt: Type.String(),
  expiresAt: NullableString,
  lastUsedAt: NullableString,
  revokedAt: NullableString,
});

export const CreateTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: LIMITS.tokenName }),
    scopes: Type.Array(Type.Enum(TOKEN_SCOPES), { minItems: 1, maxItems: 2, uniqueItems: true }),
    expiresInDays: Type.Union([Type.Integer({ minimum: 1, maximum: 366 }), Type.Null()]),
  },
  { additionalProperties: false },
);

export const CreatedTokenSchema = Type.Object({ token: TokenSchema, secret: Type.String() });
