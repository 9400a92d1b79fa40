import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLANTED_BUGS } from '../../src/platform/access/planted-bugs.ts';

/**
 * A harness that cannot fail proves nothing (docs/RELIABILITY.md). For each planted bug, the access
 * property suite runs in a child vitest process with ATRIUM_PLANTED_BUG set, and must fail with an
 * access mismatch (not a crash).
 */
const root = join(import.meta.dirname, '..', '..', '..', '..');
const suite = 'apps/server/test/access/access-model.property.test.ts';

interface ChildRun {
  code: number;
  output: string;
}

function runSuite(bug: string): Promise<ChildRun> {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // The child is a vitest of its own, not a worker of this one.
    if (!key.startsWith('VITEST') && key !== 'NODE_OPTIONS') env[key] = value;
  }
  Object.assign(env, {
    ATRIUM_PLANTED_BUG: bug,
    ATRIUM_PROPERTY_RUNS: '40',
    ATRIUM_PROPERTY_NO_SHRINK: '1',
    NO_COLOR: '1',
  });
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'node_modules/vitest/vitest.mjs'), 'run', suite],
      { cwd: root, env, maxBuffer: 32 * 1024 * 1024, timeout: 240_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, output: `${stdout}\n${stderr}` });
      },
    );
  });
}

describe('planted bugs: the access property suite fails when a leak is re-introduced', () => {
  it.concurrent.each(PLANTED_BUGS)(
    'ATRIUM_PLANTED_BUG=%s makes it fail with an access mismatch',
    async (bug) => {
      const run = await runSuite(bug);
      expect(run.code, run.output.slice(-4000)).not.toBe(0);
      expect(run.output).toMatch(/access mismatch\(es\) with the reference model/);
      expect(run.output).toMatch(/Property failed after \d+ tests/);
    },
    250_000,
  );
});
