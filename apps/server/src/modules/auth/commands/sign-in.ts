import { verifyPassword } from '../../../platform/auth/secrets.ts';
import { createSession } from '../../../platform/auth/sessions.ts';
import type { AppContext } from '../../../platform/context.ts';
import { invalidCredentials } from '../../../platform/http/errors.ts';
import { normalizeEmail } from '../../../platform/text/normalize.ts';
import { findPersonByEmail, type PersonRow } from '../../people/people.repository.ts';

/** Same answer and similar timing for unknown emails, wrong passwords and deactivated people. */
export async function signIn(
  ctx: AppContext,
  input: { email: string; password: string; ip: string | null; userAgent: string | null },
): Promise<{ person: PersonRow; token: string }> {
  const person = await findPersonByEmail(ctx.db, normalizeEmail(input.email));
  const ok = await verifyPassword(person?.password_hash ?? null, input.password);
  if (!person || !ok || person.status !== 'active') throw invalidCredentials();
  const session = await createSession(ctx.db, person.id, { ip: input.ip, userAgent: input.userAgent });
  return { person, token: session.token };
}
