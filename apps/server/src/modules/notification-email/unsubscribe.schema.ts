import { NOTIFICATION_TYPES } from '@atrium/contracts';
import { Type } from 'typebox';
import { Nullable } from '../../platform/http/schema-parts.ts';

const Token = Type.String({ minLength: 1, maxLength: 512 });

export const UnsubscribeScopeSchema = Type.Enum([...NOTIFICATION_TYPES, 'digest', 'all'] as const);

export const UnsubscribeQuery = Type.Object({ token: Type.Optional(Token) }, { additionalProperties: false });
export const UnsubscribeCheckQuery = Type.Object({ token: Token }, { additionalProperties: false });

/**
 * JSON `{ token }` from the web page, or the RFC 8058 one-click form `List-Unsubscribe=One-Click` (the
 * token then travels in the URL); a multipart one-click or a bare POST has no parsed body at all, which a
 * body schema would refuse, so the route reads it with `tokenInBody`.
 */
export const UnsubscribeBody = Type.Object(
  {
    token: Type.Optional(Token),
    'List-Unsubscribe': Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

export const UnsubscribeResult = Type.Object({ unsubscribed: UnsubscribeScopeSchema });
export const UnsubscribeCheck = Type.Object({
  scope: Nullable(UnsubscribeScopeSchema),
  valid: Type.Boolean(),
});
