import { LIMITS } from '@atrium/contracts';
import { Type } from 'typebox';

export { IdParams } from '../../platform/http/schema-parts.ts';

export const Email = Type.String({ minLength: 3, maxLength: LIMITS.email, pattern: '^[^\\s@]+@[^\\s@]+$' });
export const Password = Type.String({ minLength: LIMITS.password.min, maxLength: LIMITS.password.max });
/** Sign-in accepts any length up to the maximum, so old short passwords still get the generic answer. */
export const AnyPassword = Type.String({ minLength: 1, maxLength: LIMITS.password.max });
export const Name = Type.String({ minLength: 1, maxLength: LIMITS.personName });

export const SignInBody = Type.Object(
  { email: Email, password: AnyPassword },
  { additionalProperties: false },
);
export const PasswordChangeBody = Type.Object(
  { currentPassword: AnyPassword, newPassword: Password },
  { additionalProperties: false },
);
export const ResetRequestBody = Type.Object({ email: Email }, { additionalProperties: false });
export const ResetConfirmBody = Type.Object(
  { token: Type.String({ minLength: 10, maxLength: 200 }), password: Password },
  { additionalProperties: false },
);
export const SetupBody = Type.Object(
  { name: Name, email: Email, password: Password },
  { additionalProperties: false },
);

export const SessionSchema = Type.Object({
  id: Type.String(),
  createdAt: Type.String(),
  lastSeenAt: Type.String(),
  expiresAt: Type.String(),
  ip: Type.Union([Type.String(), Type.Null()]),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  current: Type.Boolean(),
});
