import { verifyPassword } from '../../../platform/auth/secrets.ts';
import { createSession } from '../../../platform/auth/sessions.ts';
import type { AppContext } from '../../../platform/context.ts';
import { invalidCredentials } from '../../../platform/http/errors.ts';
import type { failureLimiter } from '../../../platform/http/rate-limit.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { normalizeEmail } from '../../../platform/text/normalize.ts';
import { findPersonByEmail, type PersonRow } from '../../people/people.repository.ts';

/** Failed sign-ins per account (any address) per hour; the route also limits attempts per address. */
export const SIGN_IN_FAILURES = { name: 'signin-failures', max: 50, windowMs: 60 * 60_000 };

/** Same answer and similar timing for unknown emails, wrong passwords and deactivated people. */
export async function signIn(
  ctx: AppContext,
  input: { email: string; password: string; ip: string | null; userAgent: string | null },
  failures: ReturnType<typeof failureLimiter>,
): Promise<{ person: PersonRow; token: string }> {
  const email = normalizeEmail(input.email);
  await failures.check(email);
  const person = await findPersonByEmail(ctx.db, email);
  const ok = await verifyPassword(person?.password_hash ?? null, input.password);
  if (!person || !ok || person.status !== 'active') {
    await failures.fail(email);
    throw invalidCredentials();
  }
  const session = await inTransaction(ctx, async (trx) => {
    const created = await createSession(trx, person.id, { ip: input.ip, userAgent: input.userAgent });
    await ctx.outbox.record(trx, {
      name: 'auth.signed_in',
      actorId: person.id,
      subjectType: 'session',
      subjectId: created.id,
      payload: { ip: input.ip },
    });
    return created;
  });
  return { person, token: session.token };
}
