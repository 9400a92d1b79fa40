import { randomBytes } from 'node:crypto';
import { LIMITS } from '@atrium/contracts';
import { audit } from '../platform/audit.ts';
import { hashPassword, verifyPassword } from '../platform/auth/secrets.ts';
import type { AppContext } from '../platform/context.ts';
import { nowIso } from '../platform/db/time.ts';
import { isUniqueViolation } from '../platform/db/unique-violation.ts';
import { inTransaction } from '../platform/http/transaction.ts';
import { communitiesSeeded, seedCommunities } from './demo-communities.ts';
import { ensureDemoContent } from './demo-content.ts';
import { DEPARTMENT_PLANS } from './demo-departments.ts';
import { DEMO_CUSTOMER_EMAIL } from './demo-externals.ts';
import { ensureDemoFields } from './demo-fields.ts';
import { ensureDemoNotifications } from './demo-notifications.ts';
import {
  DEMO_ADMIN_EMAIL,
  DEMO_DOMAIN,
  DEMO_MEMBER_EMAIL,
  DEMO_SEED,
  generateOrganization,
} from './demo-org.ts';
import { insertDemoPeople } from './demo-people.ts';

/** Marks a completed demo seed; its presence makes the seed a no-op. */
export const DEMO_MARKER = 'demo.seeded';

export interface DemoOptions {
  /** Log the outcome and print the demo accounts to stdout (serve --demo). */
  log: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoResult {
  status: 'created' | 'exists';
  people: number;
  departments: number;
  customFields: number;
  spaces: number;
  /** The demo accounts' password when this run knows it (set in the environment or generated now). */
  password: string | null;
  passwordGenerated: boolean;
  /** An existing demo's accounts were given ATRIUM_DEMO_PASSWORD because it had changed. */
  passwordUpdated: boolean;
  ms: number;
}

const DEMO_ACCOUNTS = [DEMO_ADMIN_EMAIL, DEMO_MEMBER_EMAIL, DEMO_CUSTOMER_EMAIL];

async function markerExists(ctx: AppContext): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('settings')
    .select('key')
    .where('key', '=', DEMO_MARKER)
    .executeTakeFirst();
  return row !== undefined;
}

/** Gives the demo accounts ATRIUM_DEMO_PASSWORD when it no longer matches, so documented logins keep working. */
async function syncDemoPassword(ctx: AppContext, password: string): Promise<boolean> {
  const accounts = await ctx.db
    .selectFrom('people')
    .select(['id', 'password_hash'])
    .where('email', 'in', DEMO_ACCOUNTS)
    .execute();
  const stale: string[] = [];
  for (const account of accounts) {
    if (!(await verifyPassword(account.password_hash, password))) stale.push(account.id);
  }
  if (stale.length === 0) return false;
  const hash = await hashPassword(password);
  await ctx.db
    .updateTable('people')
    .set({ password_hash: hash, updated_at: nowIso() })
    .where('id', 'in', stale)
    .execute();
  return true;
}

async function existingResult(ctx: AppContext, started: number): Promise<DemoResult> {
  const password = ctx.config.demoPassword ?? null;
  const passwordUpdated = password !== null && (await syncDemoPassword(ctx, password));
  const count = await ctx.db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('email', 'like', `%@${DEMO_DOMAIN}`)
    .where('kind', '=', 'member')
    .executeTakeFirstOrThrow();
  return {
    status: 'exists',
    people: Number(count.n),
    departments: DEPARTMENT_PLANS.length,
    customFields: 0,
    spaces: 0,
    password,
    passwordGenerated: false,
    passwordUpdated,
    ms: Date.now() - started,
  };
}

/**
 * Creates the demo organization when missing: about 300 people in 8 departments with a management chain,
 * skills, bios and custom fields, plus two accounts that can sign in. Deterministic (seeded) and
 * idempotent: everything is written in one transaction that also stores the marker.
 */
export async function ensureDemoOrganization(ctx: AppContext, options: DemoOptions): Promise<DemoResult> {
  const started = Date.now();
  const given = ctx.config.demoPassword;
  if (given !== undefined && [...given].length < LIMITS.password.min) {
    throw new Error(`ATRIUM_DEMO_PASSWORD must be at least ${LIMITS.password.min} characters long.`);
  }
  if (await markerExists(ctx)) {
    await ensureCommunities(ctx);
    await ensureDemoContent(ctx);
    await ensureDemoNotifications(ctx, DEMO_ACCOUNTS);
    return report(ctx, options, await existingResult(ctx, started));
  }

  const taken = await ctx.db.selectFrom('people').select(['handle', 'email']).execute();
  const clash = taken.find((p) => DEMO_ACCOUNTS.includes(p.email));
  if (clash) {
    throw new Error(`Cannot create the demo organization: ${clash.email} already belongs to someone else.`);
  }
  const people = generateOrganization(
    { handles: new Set(taken.map((p) => p.handle)), emails: new Set(taken.map((p) => p.email)) },
    DEMO_SEED,
  );
  const passwordGenerated = ctx.config.demoPassword === undefined;
  const password = ctx.config.demoPassword ?? randomBytes(12).toString('base64url');
  // Hashed once for both accounts: argon2 is deliberately slow.
  const passwordHash = await hashPassword(password);

  let customFields = 0;
  let spaces = 0;
  try {
    await inTransaction(ctx, async (trx) => {
      const now = nowIso();
      // Written first: a second node seeding at the same moment blocks here and then fails cleanly.
      await trx
        .insertInto('settings')
        .values({
          key: DEMO_MARKER,
          value: JSON.stringify({ seed: DEMO_SEED, people: people.length }),
          updated_at: now,
        })
        .execute();
      const domain = await trx
        .selectFrom('internal_domains')
        .select('domain')
        .where('domain', '=', DEMO_DOMAIN)
        .executeTakeFirst();
      if (!domain) {
        await trx
          .insertInto('internal_domains')
          .values({ domain: DEMO_DOMAIN, created_by: null, created_at: now })
          .execute();
        await ctx.outbox.record(trx, {
          name: 'admin.internal_domain_added',
          actorId: null,
          subjectType: 'internal_domain',
          subjectId: DEMO_DOMAIN,
        });
      }
      const fields = await ensureDemoFields(trx, ctx.outbox);
      customFields = fields.length;
      const insertOptions = {
        passwordHash,
        fields,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      };
      await insertDemoPeople(trx, ctx.outbox, people, insertOptions);
      const communities = await seedCommunities(trx, ctx.outbox, passwordHash);
      spaces = communities.spaces;
      await audit(trx, {
        actorId: null,
        action: 'demo.seeded',
        data: { seed: DEMO_SEED, people: people.length },
      });
    });
  } catch (error) {
    // Another process finished the same seed first: that is success, not a failure.
    if (await markerExists(ctx)) return report(ctx, options, await existingResult(ctx, started));
    throw error;
  }
  await ensureDemoContent(ctx);
  await ensureDemoNotifications(ctx, DEMO_ACCOUNTS);
  return report(ctx, options, {
    status: 'created',
    people: people.length,
    departments: DEPARTMENT_PLANS.length,
    customFields,
    spaces,
    password,
    passwordGenerated,
    passwordUpdated: false,
    ms: Date.now() - started,
  });
}

/** Human-readable lines for the CLI and serve --demo; the password is shown only when this run knows it. */
export function describeDemo(result: DemoResult): string[] {
  const lines =
    result.status === 'created'
      ? [
          `Demo organization created: ${result.people} people in ${result.departments} departments, ` +
            `${result.customFields} custom fields, ${result.spaces} spaces (${(result.ms / 1000).toFixed(1)} s).`,
        ]
      : [`Demo organization already exists (${result.people} people); nothing to create.`];
  if (result.passwordUpdated) lines.push('The demo accounts now use ATRIUM_DEMO_PASSWORD.');
  lines.push(
    result.password !== null
      ? `Demo accounts: ${DEMO_ACCOUNTS.join(' / ')}, password: ${result.password}`
      : `Demo accounts: ${DEMO_ACCOUNTS.join(' / ')} (password as printed when the demo was ` +
          'created; set ATRIUM_DEMO_PASSWORD to choose one)',
  );
  if (result.passwordGenerated)
    lines.push('This password was generated and is shown only once: note it now.');
  return lines;
}

/** A demo created before spaces existed gains its spaces and communities (once; racing nodes are fine). */
async function ensureCommunities(ctx: AppContext): Promise<void> {
  const hash = ctx.config.demoPassword ? await hashPassword(ctx.config.demoPassword) : null;
  try {
    await inTransaction(ctx, async (trx) => {
      if (await communitiesSeeded(trx)) return;
      await seedCommunities(trx, ctx.outbox, hash);
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}

function report(ctx: AppContext, options: DemoOptions, result: DemoResult): DemoResult {
  if (options.log) {
    ctx.log.info({ status: result.status, people: result.people, ms: result.ms }, 'demo organization');
    // Printed as plain lines rather than logged: the password must be readable at a glance, not buried in JSON.
    process.stdout.write(`\n${describeDemo(result).join('\n')}\n\n`);
  }
  return result;
}
