import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const MAIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/main.ts');
const dir = mkdtempSync(join(tmpdir(), 'atrium-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the real CLI in a child process; resolves with the exit code instead of throwing on failure. */
async function atrium(args: string[], env: Record<string, string>) {
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, LOG_LEVEL: 'warn' };
  try {
    const { stdout, stderr } = await run(process.execPath, [MAIN, ...args], {
      env: { ...base, ...env },
      timeout: 30_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('atrium seed --demo', () => {
  const env = {
    DATABASE_URL: `sqlite:${join(dir, 'atrium.db')}`,
    ATRIUM_DATA_DIR: dir,
    ATRIUM_DEMO_PASSWORD: 'cli-demo-password',
  };

  it('creates the demo organization and prints a summary with the demo accounts', async () => {
    const result = await atrium(['seed', '--demo'], env);
    expect(result.stderr).toContain('Seeding people: 300/300');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Demo organization created: 300 people in 8 departments/);
    expect(result.stdout).toContain(
      'Demo accounts: admin@demo.atrium.test / member@demo.atrium.test / customer@demo.atrium.test, password: cli-demo-password',
    );
  });

  it('does nothing the second time', async () => {
    const result = await atrium(['seed', '--demo'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Demo organization already exists (300 people)');
  });

  it('refuses `seed` without --demo with exit code 2', async () => {
    const result = await atrium(['seed'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('atrium seed --demo');
  });
});

describe('configuration errors', () => {
  it('exits with code 2 and names the variable when PORT is invalid', async () => {
    const result = await atrium(['serve'], {
      PORT: 'abc',
      ATRIUM_DATA_DIR: dir,
      DATABASE_URL: `sqlite:${join(dir, 'serve.db')}`,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PORT');
  });
});
