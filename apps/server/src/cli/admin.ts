import { randomBytes } from 'node:crypto';
import { LIMITS } from '@atrium/contracts';
import { buildApp } from '../app.ts';
import type { Config } from '../config.ts';
import { createAdmin } from '../modules/admin/commands/create-admin.ts';
import { resetPasswordFromCli } from '../modules/admin/commands/reset-password.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError } from '../platform/http/errors.ts';
import { hasForbiddenCharacters, normalizeEmail } from '../platform/text/normalize.ts';

type Flags = Record<string, string | boolean | undefined>;

const USAGE = `Usage:
  atrium admin create --email <email> --name <name> [--password <password>]
  atrium admin reset-password --email <email> [--password <password>]

The password comes from --password, else from ATRIUM_ADMIN_PASSWORD (preferred: arguments show in the
process list); with neither, one is generated and printed once.
`;

class UsageError extends Error {}

function text(flags: Flags, name: string): string {
  const value = flags[name];
  if (typeof value !== 'string' || value.trim() === '')
    throw new UsageError(`--${name} <value> is required.`);
  if (hasForbiddenCharacters(value)) throw new UsageError(`--${name} contains control characters.`);
  return value.normalize('NFC');
}

function emailOf(flags: Flags): string {
  const email = normalizeEmail(text(flags, 'email'));
  if (email.length > LIMITS.email || !/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw new UsageError(`--email "${email}" is not an email address.`);
  }
  return email;
}

/** The password to set, and whether it was generated (then it is printed once). */
function passwordOf(flags: Flags): { password: string; generated: boolean } {
  const given = flags.password !== undefined ? text(flags, 'password') : process.env.ATRIUM_ADMIN_PASSWORD;
  if (given === undefined || given === '')
    return { password: randomBytes(18).toString('base64url'), generated: true };
  const length = [...given].length;
  if (length < LIMITS.password.min || length > LIMITS.password.max) {
    throw new UsageError(
      `The password must be ${LIMITS.password.min} to ${LIMITS.password.max} characters long.`,
    );
  }
  return { password: given, generated: false };
}

function checkOnly(flags: Flags, allowed: string[], extra: string[]): void {
  const unknown = Object.keys(flags).filter((key) => flags[key] !== undefined && !allowed.includes(key));
  if (unknown.length > 0) throw new UsageError(`Unknown option ${unknown.map((k) => `--${k}`).join(', ')}.`);
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`);
}

/** `atrium admin create | reset-password`; returns the exit code (2 for bad arguments). */
export async function runAdminCommand(
  config: Config,
  sub: string | undefined,
  extra: string[],
  flags: Flags,
): Promise<number> {
  let run: () => Promise<string>;
  try {
    if (sub === 'create') {
      checkOnly(flags, ['email', 'name', 'password'], extra);
      const email = emailOf(flags);
      const name = text(flags, 'name').trim();
      if ([...name].length > LIMITS.personName) {
        throw new UsageError(`--name must be at most ${LIMITS.personName} characters long.`);
      }
      const { password, generated } = passwordOf(flags);
      run = async () => {
        const person = await withApp(config, (ctx) => createAdmin(ctx, { email, name, password }));
        return `Created administrator ${person.email} (@${person.handle}).\n${generated ? `Password: ${password}\n` : ''}`;
      };
    } else if (sub === 'reset-password') {
      checkOnly(flags, ['email', 'password'], extra);
      const email = emailOf(flags);
      const { password, generated } = passwordOf(flags);
      run = async () => {
        const person = await withApp(config, (ctx) => resetPasswordFromCli(ctx, { email, password }));
        return `Password reset for ${person.email}; their sessions were ended.\n${generated ? `Password: ${password}\n` : ''}`;
      };
    } else {
      throw new UsageError(sub === undefined ? 'Missing admin command.' : `Unknown admin command "${sub}".`);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  try {
    process.stdout.write(await run());
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    process.stderr.write(`${error.detail ?? error.title}\n`);
    return 1;
  }
}

/** The whole app, so events recorded here get deliveries for every handler (the server sends them). */
async function withApp<T>(config: Config, work: (ctx: AppContext) => Promise<T>) {
  const atrium = await buildApp(config, { dispatch: false, web: false });
  try {
    return await work(atrium.ctx);
  } finally {
    await atrium.close();
  }
}
