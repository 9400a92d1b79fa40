import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Atrium, buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createSession } from '../../src/platform/auth/sessions.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-db.ts';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
let database: TestDatabase;
let dataDir: string;
let atrium: Atrium | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'atrium-cli-'));
});
afterAll(async () => {
  await atrium?.close();
  await database.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs the real command line in a child process (Node 26 runs the TypeScript directly). */
function atriumCli(args: string[], env: Record<string, string> = {}) {
  const { ATRIUM_ADMIN_PASSWORD: _ignored, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [MAIN, ...args], {
    env: {
      ...inherited,
      DATABASE_URL: database.url,
      ATRIUM_DATA_DIR: dataDir,
      SESSION_SECRET: 'cli-test-secret-cli-test-secret-0123456',
      LOG_LEVEL: 'silent',
      ...env,
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** An app on the same database, to check what the CLI did through the API. */
async function app(): Promise<Atrium> {
  atrium ??= await buildApp(
    loadConfig({
      DATABASE_URL: database.url,
      ATRIUM_DATA_DIR: dataDir,
      SESSION_SECRET: 'cli-test-secret-cli-test-secret-0123456',
      LOG_LEVEL: 'silent',
    }),
    { dispatch: false, web: false },
  );
  return atrium;
}

const signIn = async (email: string, password: string) =>
  (await app()).app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });

// Each case starts a real process (about a second each), so the default per-test timeout is too tight.
describe('atrium admin (command line)', { timeout: 90_000 }, () => {
  it('exits 2 with a clear message on bad arguments', () => {
    const cases: Array<[string[], RegExp]> = [
      [['admin'], /Missing admin command/],
      [['admin', 'promote'], /Unknown admin command "promote"/],
      [['admin', 'create', '--name', 'No Email'], /--email <value> is required/],
      [['admin', 'create', '--email', 'root@example.com'], /--name <value> is required/],
      [['admin', 'create', '--email', 'not-an-email', '--name', 'X'], /is not an email address/],
      [['admin', 'create', '--email', 'a@example.com', '--name', 'X', '--password', 'short'], /10 to 256/],
      [
        ['admin', 'create', '--email', 'a@example.com', '--name', 'X', '--role', 'admin'],
        /Unknown option --role/,
      ],
      [
        ['admin', 'create', '--email', 'a@example.com', '--name', 'X', 'extra'],
        /Unexpected argument "extra"/,
      ],
      [['admin', 'reset-password'], /--email <value> is required/],
    ];
    for (const [args, message] of cases) {
      const result = atriumCli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stderr).toMatch(/Usage:/);
    }
  });

  it('creates an administrator with --password, audited with a null actor', async () => {
    const result = atriumCli([
      'admin',
      'create',
      '--email',
      'Root@Example.com',
      '--name',
      'Root Admin',
      '--password',
      'a very long password',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Created administrator root@example\.com/);
    expect(result.stdout).not.toMatch(/a very long password/);
    const res = await signIn('root@example.com', 'a very long password');
    expect(res.statusCode).toBe(200);
    expect(res.json().person).toMatchObject({ role: 'admin', kind: 'member', name: 'Root Admin' });
    const audit = await (await app()).ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'cli.admin_created')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: null, target_id: res.json().person.id });

    const again = atriumCli(['admin', 'create', '--email', 'root@example.com', '--name', 'Again']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
  });

  it('takes the password from ATRIUM_ADMIN_PASSWORD, or generates and prints one', async () => {
    const fromEnv = atriumCli(['admin', 'create', '--email', 'env@example.com', '--name', 'Env Admin'], {
      ATRIUM_ADMIN_PASSWORD: 'password from the env',
    });
    expect(fromEnv.code).toBe(0);
    expect(fromEnv.stdout).not.toMatch(/Password:/);
    expect((await signIn('env@example.com', 'password from the env')).statusCode).toBe(200);

    const generated = atriumCli(['admin', 'create', '--email=gen@example.com', '--name=Gen Admin']);
    expect(generated.code).toBe(0);
    const password = /Password: (\S+)/.exec(generated.stdout)?.[1];
    expect(password?.length).toBeGreaterThanOrEqual(20);
    expect((await signIn('gen@example.com', password ?? '')).statusCode).toBe(200);
  });

  it('resets a password and ends that person’s sessions, audited with a null actor', async () => {
    const { ctx } = await app();
    const person = await ctx.db
      .selectFrom('people')
      .select('id')
      .where('email', '=', 'root@example.com')
      .executeTakeFirstOrThrow();
    await createSession(ctx.db, person.id, { ip: null, userAgent: null });
    const result = atriumCli(['admin', 'reset-password', '--email', 'ROOT@example.com'], {
      ATRIUM_ADMIN_PASSWORD: 'the replacement password',
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const sessions = await ctx.db
      .selectFrom('sessions')
      .select('id')
      .where('person_id', '=', person.id)
      .execute();
    expect(sessions).toHaveLength(0);
    expect((await signIn('root@example.com', 'a very long password')).statusCode).toBe(401);
    expect((await signIn('root@example.com', 'the replacement password')).statusCode).toBe(200);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'cli.password_reset')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: null, target_id: person.id });

    const unknown = atriumCli([
      'admin',
      'reset-password',
      '--email',
      'ghost@example.com',
      '--password',
      'long enough pw',
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No person has this email/);
  });
});
