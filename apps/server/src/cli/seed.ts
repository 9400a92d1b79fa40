import { buildApp } from '../app.ts';
import type { Config } from '../config.ts';
import { describeDemo, ensureDemoOrganization } from '../seed/demo.ts';
import { createProgress } from './progress.ts';

const USAGE = `Usage: atrium seed --demo

Creates the demo organization (about 300 people, demo accounts admin@ and member@demo.atrium.test) when
it is missing; running it again changes nothing. The demo accounts' password is ATRIUM_DEMO_PASSWORD, or
a generated one that is printed once.
`;

/** `atrium seed --demo`; returns the exit code (2 for bad arguments). */
export async function runSeedCommand(config: Config, flags: Record<string, unknown>): Promise<number> {
  if (flags.demo !== true) {
    process.stderr.write(USAGE);
    return 2;
  }
  // Events are recorded for every new person; the dispatcher of the next `serve` delivers them.
  const atrium = await buildApp(config, { dispatch: false, web: false });
  const progress = createProgress('Seeding people');
  try {
    const result = await ensureDemoOrganization(atrium.ctx, {
      log: false,
      onProgress: (done, total) => progress.update(done, total),
    });
    progress.finish();
    process.stdout.write(`${describeDemo(result).join('\n')}\n`);
    return 0;
  } finally {
    progress.finish();
    await atrium.close();
  }
}
