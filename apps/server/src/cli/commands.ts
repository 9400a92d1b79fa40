import type { Config } from '../config.ts';
import { openDatabase } from '../platform/db/connect.ts';
import { migrateDown, migrateToLatest } from '../platform/db/migrate.ts';
import { runAdminCommand } from './admin.ts';
import { runSeedCommand } from './seed.ts';
import { serve } from './serve.ts';

const USAGE = `Usage: atrium <command>

Commands:
  serve [--demo]            run migrations and serve (with --demo: create the demo organization if missing)
  migrate [up|down]         apply pending migrations, or roll back the latest one
  seed --demo               create the demo organization (idempotent)
  admin create              create an administrator (--email, --name, --password or ATRIUM_ADMIN_PASSWORD)
  admin reset-password      set a person's password (--email, --password or ATRIUM_ADMIN_PASSWORD)
`;

/** Returns the exit code, or -1 when the command keeps running (serve). */
export async function runCommand(
  config: Config,
  args: string[],
  flags: Record<string, string | boolean | undefined>,
): Promise<number> {
  const [command, sub] = args;
  if (flags.help || command === undefined || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined && !flags.help ? 2 : 0;
  }
  switch (command) {
    case 'serve':
      await serve(config, { demo: flags.demo === true });
      return -1;
    case 'migrate': {
      const database = openDatabase(config.databaseUrl);
      try {
        const done = sub === 'down' ? await migrateDown(database.db) : await migrateToLatest(database.db);
        process.stdout.write(
          done.length
            ? `${sub === 'down' ? 'rolled back' : 'applied'}: ${done.join(', ')}\n`
            : 'nothing to do\n',
        );
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'admin':
      return runAdminCommand(config, sub, args.slice(2), flags);
    case 'seed':
      return runSeedCommand(config, flags);
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}
