// `npm start`: builds the web client if its sources changed, then serves Atrium with the demo organization.
// Extra arguments are passed on to `atrium serve`, e.g. `npm start -- --help`.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureWebBuilt, ROOT } from './web-build.ts';

if (!ensureWebBuilt()) {
  process.stderr.write('The web client failed to build; see the errors above.\n');
  process.exit(1);
}

const server = spawn(
  process.execPath,
  [join(ROOT, 'apps/server/src/main.ts'), 'serve', '--demo', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);

// A terminal's Ctrl-C reaches the server too; forwarding covers `kill <pid>` and process managers.
// The server ignores a repeated signal while it is already shutting down.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (server.exitCode === null) server.kill(signal);
  });
}

server.on('exit', (code, signal) => {
  process.exit(code ?? (signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 1));
});
