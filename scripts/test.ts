// Runs the test suites and ends with a plain "N passed, N failed" line that CI can read.
// Usage: npm test [-- --e2e] [vitest filters…]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTotalTestSuites: number;
  numFailedTestSuites: number;
  success: boolean;
}

const args = process.argv.slice(2);
const e2e = args.includes('--e2e');
const rest = args.filter((a) => a !== '--e2e');
const dir = mkdtempSync(join(tmpdir(), 'atrium-results-'));
const output = join(dir, 'results.json');
const vitest = join('node_modules', 'vitest', 'vitest.mjs');
const config = e2e ? 'vitest.e2e.config.ts' : 'vitest.config.ts';
const run = spawnSync(
  process.execPath,
  [
    vitest,
    'run',
    '--config',
    config,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${output}`,
    ...rest,
  ],
  { stdio: 'inherit' },
);

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const result = JSON.parse(readFileSync(output, 'utf8')) as VitestJson;
  passed = result.numPassedTests;
  failed = result.numFailedTests + (result.numFailedTestSuites > 0 && result.numFailedTests === 0 ? 1 : 0);
  skipped = result.numPendingTests;
} catch {
  failed = Math.max(failed, 1);
}
rmSync(dir, { recursive: true, force: true });
if (run.status !== 0 && failed === 0) failed = 1;
process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
