#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { runCommand } from './cli/commands.ts';
import { ConfigError, loadConfig } from './config.ts';

/** The `atrium` command line: serve | migrate | seed --demo | admin create | admin reset-password. */
async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    strict: false,
    options: {
      demo: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      // admin create / reset-password take values; undeclared options would swallow them as positionals.
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
    },
  });
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  return runCommand(config, positionals, values as Record<string, string | boolean | undefined>);
}

main().then(
  (code) => {
    if (code !== -1) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
