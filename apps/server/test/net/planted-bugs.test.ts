import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NET_PLANTED_BUGS } from '../../src/platform/net/planted-bugs.ts';

/**
 * A harness that cannot fail proves nothing (docs/RELIABILITY.md, R14). For each planted SSRF bug, the
 * corpus, property and fetch tests run in a child vitest process with ATRIUM_PLANTED_BUG set, and must
 * fail with a test failure (not a crash).
 */
const root = join(import.meta.dirname, '..', '..', '..', '..');
const suites = ['apps/server/test/net/address-policy.test.ts', 'apps/server/test/net/safe-fetch.test.ts'];

function runSuites(bug: string): Promise<{ code: number; output: string }> {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('VITEST') && key !== 'NODE_OPTIONS') env[key] = value;
  }
  Object.assign(env, { ATRIUM_PLANTED_BUG: bug, NO_COLOR: '1' });
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...suites],
      { cwd: root, env, maxBuffer: 32 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, output: `${stdout}\n${stderr}` });
      },
    );
  });
}

describe('planted bugs: the SSRF tests fail when the guard is broken', () => {
  it.concurrent.each(NET_PLANTED_BUGS)(
    'ATRIUM_PLANTED_BUG=%s makes them fail',
    async (bug) => {
      const run = await runSuites(bug);
      expect(run.code, run.output.slice(-4000)).not.toBe(0);
      expect(run.output).toMatch(/Tests\s+\d+ failed/);
      // The tripwire must never have let a connection outside 127.0.0.0/8 through.
      expect(run.output).not.toMatch(/ECONNREFUSED (?!127\.)/);
    },
    150_000,
  );
});
